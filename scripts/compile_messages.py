"""Compile every backend/**/locale/*/LC_MESSAGES/django.po (project and per-app catalogues) to .mo with polib (no GNU gettext needed)."""

import sys
from pathlib import Path

import polib

root = Path(__file__).resolve().parent.parent / "backend"
count = 0
for po_path in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po")):
    mo_path = po_path.with_suffix(".mo")
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        continue
    po = polib.pofile(str(po_path))
    bad = [e.msgid for e in po if e.msgstr and e.msgid.count("%(") != e.msgstr.count("%(")]
    if bad:
        sys.exit(f"{po_path}: placeholders differ in {bad[:3]}")
    po.save_as_mofile(str(mo_path))
    count += 1
print(f"compiled {count} message catalogue(s)")
