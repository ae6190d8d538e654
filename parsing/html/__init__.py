"""Working with page markup: the nesting guard, layout into lines, the article region, images."""
