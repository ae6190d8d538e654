"""What the parser knows about markup in general (vocabulary) and about particular sites."""
