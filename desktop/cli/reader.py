"""`mark`, `tag` and `note`: the reader's state of pages, the same changes the window makes."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.output import add_command, complain
from desktop.library.records import BadTag, UnknownPages

if TYPE_CHECKING:
    from desktop.library import Library


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "mark", run_mark, "mark pages read or unread, starred or not",
                    "Mark pages read or unread, starred or unstarred.", writes=True)
    p.add_argument("page_ids", nargs="+", type=int, metavar="ID", help="page ids, as listed by 'pages'")
    change = p.add_mutually_exclusive_group(required=True)
    for flag, text in (("--read", "mark read"), ("--unread", "mark unread"), ("--star", "star"),
                       ("--unstar", "remove the star")):
        change.add_argument(flag, dest="change", action="store_const", const=flag[2:], help=text)

    p = add_command(sub, "tag", run_tag, "tag pages, or rename or delete a tag everywhere",
                    "Give pages tags (any text; several per page), take them off with --remove, or rename or "
                    "delete a tag on every page at once. Tags that differ only in case are the same tag.",
                    writes=True)
    p.add_argument("words", nargs="*", metavar="ID... NAME...", help="page ids, then tag names")
    p.add_argument("--remove", action="store_true", help="take the tags off these pages")
    p.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="rename tag OLD to NEW on every page")
    p.add_argument("--delete", metavar="NAME", help="remove tag NAME from every page")
    p.add_argument("--list", action="store_true", help="list every tag with its number of pages")

    p = add_command(sub, "note", run_note, "keep a note with a page (empty text removes it)",
                    "Keep a plain-text note with page ID; an empty TEXT removes the note.", writes=True)
    p.add_argument("page_id", type=int, metavar="ID", help="page id, as listed by 'pages'")
    p.add_argument("text", metavar="TEXT", help="the note ('' to remove it)")


def run_mark(library: Library, args: argparse.Namespace) -> int:
    try:
        if args.change in ("read", "unread"):
            changed = library.set_read(args.page_ids, args.change == "read")
        else:
            changed = library.set_starred(args.page_ids, args.change == "star")
    except UnknownPages as error:
        return complain(error.message)
    what = {"read": "marked read", "unread": "marked unread", "star": "starred", "unstar": "unstarred"}[args.change]
    print(f"{changed} {'page' if changed == 1 else 'pages'} {what}")
    return 0


def _split_ids(words: list[str]) -> tuple[list[int], list[str]]:
    """The leading numbers are page ids, the rest tag names."""
    ids: list[int] = []
    for index, word in enumerate(words):
        if not word.isdigit():
            return ids, words[index:]
        ids.append(int(word))
    return ids, []


def run_tag(library: Library, args: argparse.Namespace) -> int:
    try:
        if args.list:
            for tag in library.tags():
                print(f"{tag.pages:>6}  {tag.name}")
            return 0
        if args.rename:
            count = library.rename_tag(*args.rename)
            print(f"tag renamed on {count} {'page' if count == 1 else 'pages'}")
            return 0
        if args.delete:
            count = library.delete_tag(args.delete)
            print(f"tag removed from {count} {'page' if count == 1 else 'pages'}")
            return 0
        ids, names = _split_ids(args.words)
        if not ids or not names:
            return complain("give page ids and then tag names, e.g. 'tag 12 15 oil budget'")
        count = (library.remove_tags if args.remove else library.add_tags)(ids, names)
        print(f"{count} {'tag' if count == 1 else 'tags'} {'removed' if args.remove else 'added'}")
        return 0
    except (UnknownPages, BadTag) as error:
        return complain(error.message)


def run_note(library: Library, args: argparse.Namespace) -> int:
    try:
        library.set_note(args.page_id, args.text)
    except UnknownPages as error:
        return complain(error.message)
    print("note removed" if not args.text.strip() else "note saved")
    return 0
