#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Editing end to end, beyond forms.sh: every field of the contact form,
# several e-mails and phones added and removed, tags replaced; follow-ups
# on "tomorrow" and "fri" and a date that is refused; a log of another kind
# on another day; a relationship kind picked further down the list; the
# notes in $EDITOR (and an editor that fails); unarchiving; a delete
# answered with another key than y.  KITH_NOW is Tuesday 2026-03-10.
. "$(dirname "$0")/lib.inc"

"$KITH" --db "$DB" add "Marko Petrović" --email marko@example.rs \
    --phone "+381 11 555 0101" --tag client >/dev/null
"$KITH" --db "$DB" add "Zoe Example" --org "Acme" >/dev/null

printf '#!/bin/sh\necho "met at the bar association dinner" >>"$1"\n' \
    >"$T/editor"
printf '#!/bin/sh\nexit 3\n' >"$T/bad-editor"
chmod +x "$T/editor" "$T/bad-editor"

start "VISUAL= EDITOR='$T/editor'"
expect "2 contacts" "opens"
expect "│ Marko Petrović" "Marko is selected"

# ---- every field, several e-mails and phones ------------------------------
keys e
expect "Edit contact" "e opens the form"
keys Tab
type_text "Mare"
keys Tab
type_text "Partner"
keys Tab
type_text "Petrović & Partneri"
keys Tab
type_text "Litigation"
keys Tab
type_text ", marko.p@mail.example, office@petrovic.example"
keys Tab
type_text ", +381 64 555 0102"
keys Tab C-u
type_text "client, serbia, vip"
keys Tab
type_text "Knez Mihailova 1"
keys Tab
type_text "Beograd"
keys Tab
type_text "11000"
keys Tab
type_text "Serbia"
keys Tab
type_text "https://petrovic.example"
keys Tab
type_text "1970-05-04"
keys Tab
type_text "prefers mornings"
keys Enter
expect "Saved Marko Petrović" "the form saves"
expect "Partner, Petrović & Partneri (Litigation)" \
    "title, organisation and department shown"
s=$(screen)
for want in '"Mare"' "marko@example.rs" "marko.p@mail.example" \
    "office@petrovic.example" "+381 11 555 0101" "+381 64 555 0102" \
    "Knez Mihailova 1, 11000, Beograd, Serbia" "https://petrovic.example" \
    "1970-05-04" "client, serbia, vip" "prefers mornings"; do
	expect_in "$s" "$want" "the sheet shows every field"
done
out=$("$KITH" --db "$DB" show marko)
for want in "marko.p@mail.example" "office@petrovic.example" \
    "+381 64 555 0102" "vip" "Beograd" "1970-05-04" "prefers mornings" \
    "(Litigation)"; do
	expect_in "$out" "$want" "kith show has what the form saved"
done

# Edit again: drop an e-mail and a phone, keep the rest.
keys e
expect "Edit contact" "the form again"
expect "marko.p@mail.example" "the form shows the e-mail about to go"
s=$(screen)
expect_in "$s" "marko.p@mail.example, office@petrovic.example" \
    "the form lists the e-mails comma-separated"
keys Tab Tab Tab Tab Tab C-u
type_text "marko@example.rs, office@petrovic.example"
keys Tab C-u
type_text "+381 64 555 0102"
keys Enter
expect "Saved Marko Petrović" "saved again"
expect_gone "marko.p@mail.example" "the dropped e-mail is gone"
s=$(screen)
expect_not_in "$s" "+381 11 555 0101" "the dropped phone is gone"
expect_in "$s" "office@petrovic.example" "the kept e-mail stays"
expect_in "$s" "Knez Mihailova 1" "the address stays"
out=$("$KITH" --db "$DB" list marko --tsv)
expect_in "$out" "Marko Petrović	marko@example.rs	+381 64 555 0102	Petrović & Partneri" \
    "kith list shows the edit"

# A bad e-mail is refused in the form, which stays open.
keys e
expect "Edit contact" "the form for a bad e-mail"
keys Tab Tab Tab Tab Tab
type_text ", not-an-address"
keys Enter
expect "'not-an-address' is not an e-mail address" "a bad e-mail is refused"
keys Escape
expect "cancelled" "cancelled after the error"

# ---- follow-ups with human dates -------------------------------------------
keys f
expect "Follow-up for" "f opens the form"
type_text "send the draft"
keys Enter
expect "Follow-up due Wed 11 Mar 2026" "the default is tomorrow"
keys f
expect "Follow-up for" "the form again"
type_text "call about the hearing"
keys Tab C-u
type_text "someday"
keys Enter
expect "'someday' is not a date" "a date kith cannot read is refused"
keys C-u
type_text "fri"
keys Enter
expect "Follow-up due Fri 13 Mar 2026" "fri is this Friday"
s=$(screen)
expect_in "$s" "2026-03-11 send the draft" "the sheet lists tomorrow's"
expect_in "$s" "2026-03-13 call about the hearing" "and Friday's"
out=$("$KITH" --db "$DB" due --days 7 --tsv)
expect_in "$out" "2026-03-13" "kith due agrees"

# ---- a log of another kind, on another day -----------------------------------
keys l
expect "Log an interaction" "l opens the log form"
keys Right Right
keys Tab C-u
type_text "yesterday"
keys Tab
type_text "sent the engagement letter"
keys Enter
expect "Logged email" "an e-mail logged"
expect "2026-03-09 email   sent the engagement letter" "on the day before"

# ---- a relationship kind from further down the list -----------------------------
keys r
expect "Link Marko Petrović to" "r asks for the other contact"
type_text "zoe"
expect "Zoe Example" "the finder lists Zoe"
keys Enter
expect "assistant of" "the kinds are listed"
# (by name: the kinds conflict checks added -- director of, employee of,
# former employee of, officer of -- come before it)
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do keys j; done
sleep 0.3
settle
s=$(screen_e)
case "$s" in
*$'\e[7m'"referred by"*) pass ;;
*) fail "j moved the selection to 'referred by'" ;;
esac
keys Enter
expect "referred by Zoe Example" "Marko is referred by Zoe"
out=$("$KITH" --db "$DB" show zoe)
expect_in "$out" "referred Marko Petrović" "Zoe's side shows the inverse"

# ---- notes in $EDITOR --------------------------------------------------------
keys E
expect "Notes saved" "the editor's change is saved"
expect "met at the bar association dinner" "the new line is on the sheet"
s=$(screen)
expect_in "$s" "prefers mornings" "the old line is kept"
expect_in "$s" "2 contacts" "the screen is drawn again after the editor"
# What is on screen is what a full redraw gives (but the message, which
# any key clears).
settle
before=$(screen | sed '$d')
keys C-l
expect_gone "Notes saved" "a key clears the message"
settle
after=$(screen | sed '$d')
if [ "$before" = "$after" ]; then pass; else
	fail "the screen after the editor differs from a redraw:
$before
---
$after"; fi
out=$("$KITH" --db "$DB" show marko)
expect_in "$out" "met at the bar association dinner" "kith show has the note"
# Notes of several lines are not editable in the form, and saving the
# form keeps them.
keys e
expect "several lines: E edits them" "the form points to E"
keys Enter
expect "Saved Marko Petrović" "saved with multi-line notes"
out=$("$KITH" --db "$DB" show marko)
expect_in "$out" "prefers mornings" "the form kept the first line"
expect_in "$out" "met at the bar association dinner" "and the second"
keys q
expect "KITH-EXIT=0" "quit"

# An editor that fails leaves the notes alone.
start "VISUAL='$T/bad-editor' EDITOR='$T/editor'"
expect "│ Marko Petrović" "started with a failing editor"
keys E
expect "the editor failed; notes unchanged" "VISUAL wins and fails"
out=$("$KITH" --db "$DB" show marko)
n=$(printf '%s\n' "$out" | grep -c "met at the bar association dinner")
if [ "$n" -eq 1 ]; then pass; else fail "notes changed by a failed editor"; fi

# ---- archive, unarchive, and a delete answered otherwise -------------------------
keys A
expect "Archive Marko Petrović? (y/N)" "archive asks"
keys y
expect "Archived" "archived"
expect "1 contact" "one contact left in the list"
keys H
expect "showing archived contacts" "H shows archived contacts"
expect "(archived)" "the archived contact is marked"
keys /
type_text "marko"
expect "1 match" "find Marko among the archived"
keys Enter
keys A
expect "Unarchive Marko Petrović? (y/N)" "A on an archived contact unarchives"
keys y
expect "Unarchived" "unarchived"
keys Escape
expect "/ search" "Esc clears the search"
keys H
expect "hiding archived contacts" "H hides them again"
expect "2 contacts" "both contacts listed"
out=$("$KITH" --db "$DB" list marko --tsv)
expect_in "$out" "Marko Petrović" "kith list has Marko again"
# Esc closed the search and went back to the contact selected before it.
keys D
expect "Delete Zoe Example" "delete asks, naming the contact selected before the search"
keys x
expect "cancelled" "any key but y keeps the contact"
out=$("$KITH" --db "$DB" list zoe --tsv)
expect_in "$out" "Zoe Example" "Zoe is still there"
keys q
expect "KITH-EXIT=0" "quit"

# ---- notes in $EDITOR while another kith changes the contact (issue 9) ----
# The editor stands in for a user who takes a while: meanwhile another kith
# process edits the same contact.  Saving must refuse, keep the stored
# change, and keep the user's text in a file whose path it shows.
printf '#!/bin/sh\n"%s" --db "%s" edit marko --title "Senior Partner" >/dev/null\necho "typed while it changed" >>"$1"\n' \
    "$KITH" "$DB" >"$T/racing-editor"
chmod +x "$T/racing-editor"
start "VISUAL= EDITOR='$T/racing-editor'"
expect "│ Marko Petrović" "started with an editor that races another kith"
keys E
expect "notes not saved, kept in /tmp/kith-notes-" "the notes edit is refused"
s=$(screen)
kept=$(printf '%s\n' "$s" | grep -o '/tmp/kith-notes-[A-Za-z0-9]*' | head -1)
if [ -n "$kept" ] && grep -q "typed while it changed" "$kept"; then
	pass
else
	fail "the user's notes are not kept in a file shown on screen: '$kept'"
fi
out=$("$KITH" --db "$DB" show marko)
expect_in "$out" "Senior Partner" "the other kith's change is kept"
n=$(printf '%s\n' "$out" | grep -c "typed while it changed")
if [ "$n" -eq 0 ]; then pass; else fail "the stale edit overwrote the contact"; fi
rm -f "$kept"
keys q
expect "KITH-EXIT=0" "quit"

# ---- the contact form while another kith changes the contact (issue 9) ----
start "VISUAL= EDITOR='$T/editor'"
expect "│ Marko Petrović" "started for the form race"
keys e
expect "Edit contact" "e opens the form on Marko"
"$KITH" --db "$DB" edit marko --title "Of Counsel" >/dev/null
keys Tab
type_text "Markie"
keys Enter
expect "was changed by another kith" "saving the form refuses the stale edit"
keys Escape
# Gone before the next key: an Escape and a q within ncurses' escape delay
# are read as one key, Alt-q.
expect_gone "Edit contact" "Esc leaves the refused form"
out=$("$KITH" --db "$DB" show marko)
expect_in "$out" "Of Counsel" "the other kith's title is kept"
n=$(printf '%s\n' "$out" | grep -c "Markie")
if [ "$n" -eq 0 ]; then pass; else fail "the stale form overwrote the contact"; fi
keys q
expect "KITH-EXIT=0" "quit"
