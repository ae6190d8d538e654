"""The body walked into elements, innerText-like blocks and images: one iterative pass, bounded."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsing.html.blocks import MAX_NODES, ElementTable, walk
from parsing.html.marks import BYLINE, CAPTION


def _walk(body: str) -> ElementTable:
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    assert tree.body is not None
    return walk(tree.body)


def _texts(table: ElementTable) -> list[str]:
    return [block.text for block in table.blocks]


def test_br_runs_and_divs_make_blocks_and_inline_text_joins_its_line():
    table = _walk("<div>One <b>bold</b> line<br><br>Two</div><div>Three <a href='/x'>link</a></div>")
    assert _texts(table) == ["One bold line", "Two", "Three link"]
    assert [block.links for block in table.blocks] == [0, 0, 4]
    assert [block.kind for block in table.blocks] == ["div", "div", "div"]


def test_table_cells_join_their_row_and_pre_keeps_its_lines():
    table = _walk("<table><tr><td>KSE100</td><td>114,909</td></tr></table><pre>a  b\nc</pre>")
    assert _texts(table) == ["KSE100 114,909", "a  b\nc"]


def test_hidden_inline_text_never_joins_its_line():
    table = _walk('<p>Up <span class="sr-only">Increased By</span>10 <span style="display:none">x</span>today</p>')
    assert _texts(table) == ["Up 10 today"]


def test_skipped_tags_are_not_read():
    table = _walk("<p>Story</p><script>var x = 1;</script><button>Share</button><select><option>A</option></select>")
    assert _texts(table) == ["Story"]


def test_images_record_their_place_and_lazy_source():
    table = _walk('<p>One</p><img src="data:image/gif;base64,R0lG" data-src="real.jpg" alt="A  photo"><p>Two</p>')
    image = table.images[0]
    assert (image.src, image.alt, image.block, table.tags[image.elem]) == ("real.jpg", "A photo", 1, "img")


def test_element_table_intervals_say_what_is_inside_what():
    table = _walk("<div><p>a</p><p>b</p></div><p>c</p>")
    assert table.tags == ["body", "div", "p", "p", "p"]
    assert table.parent == [-1, 0, 1, 1, 0]
    assert table.inside(3, 1) and not table.inside(4, 1)


def test_a_big_byline_container_does_not_make_each_line_a_byline():
    lines = "".join(f"<p>Paragraph {n} of the story, long enough to be one for sure.</p>" for n in range(8))
    table = _walk(f'<div class="author-content">{lines}</div><div class="byline">Jane Doe</div>')
    assert [bool(block.marks & BYLINE) for block in table.blocks] == [False] * 8 + [True]


def test_an_inline_caption_that_is_most_of_the_line_marks_it():
    table = _walk('<div><span class="caption">The bank in Karachi, on Monday.</span> AFP</div>')
    assert table.blocks[0].marks & CAPTION


def test_furniture_with_much_text_is_read_as_one_block():
    menu = "".join(f'<li><a href="/s{n}">Section number {n} of the site</a></li>' for n in range(20))
    table = _walk(f"<p>{'Story text. ' * 200}</p><nav><ul>{menu}</ul></nav>")
    assert len(table.blocks) == 2 and table.blocks[1].kind == "nav" and table.blocks[1].links == len(table.blocks[1].text)


def test_the_walk_stops_at_its_node_bound():
    table = _walk("<span>x</span>" * (MAX_NODES // 2 + 10))
    assert table.truncated and len(table) <= MAX_NODES
