#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Overlays have key tables of their own (issue 10): the key bar under a
# form, a list to pick from, a question and the contact finder shows that
# overlay's keys, and the help opened there (F1 where text is typed, ? or
# F1 elsewhere) lists them, by section; closing the help goes back to the
# overlay as it was.  A choice field brings its own keys, a text field
# types them.
. "$(dirname "$0")/lib.inc"

# bar: the key bar, the bottom row of the terminal.
bar() { screen | sed -n "${E2E_ROWS}p"; }

demo_db
start
expect "│ Alex Rivera" "kith opens on the demo book"

# A form: its keys on the bar, F1 for its help (? is a character there).
keys f
expect "Follow-up for Alex Rivera" "f opens the follow-up form"
expect "Enter save" "the key bar under a form names Enter"
b=$(bar)
expect_in "$b" "Esc cancel" "the key bar under a form names Esc"
expect_in "$b" "F1 help" "the key bar under a form names F1 for help"
expect_not_in "$b" "/ search" "the main screen's keys are not on the bar"
expect_not_in "$b" "q quit" "q is a character in a form"
type_text "call back?"
expect "call back?" "? is typed into the field"
keys F1
expect "│ Forms" "F1 in a form opens the help with its Forms section"
expect "│ Text fields" "and the Text fields section"
s=$(screen)
expect_in "$s" "save the form" "the help says what Enter does"
expect_in "$s" "Esc" "the help names Esc"
expect_not_in "$s" "Contact list" "the main screen's tables are not listed"
expect "q close" "the key bar under the help"
keys Escape
expect_gone "│ Text fields" "Esc closes the help"
s=$(screen)
expect_in "$s" "Follow-up for Alex Rivera" "the form is still open"
expect_in "$s" "call back?" "with its text"
keys Escape
expect_gone "Follow-up for Alex Rivera" "Esc cancels the form"

# A choice field: its own keys; Space changes it.
keys l
expect "< call >" "l opens the log form on its Kind choice"
keys Space
expect "< meeting >" "Space picks the next kind"
keys Left
expect "< call >" "Left the one before"
keys F1
expect "│ Choice fields" "the help on a choice field lists its keys"
s=$(screen)
expect_not_in "$s" "│ Text fields" "not the text keys, which do not work there"
keys Escape
expect_gone "│ Choice fields" "Esc closes the help on the log form"
keys Escape
expect_gone "< call >" "Esc cancels the log form"

# A list to pick from: ? opens its help.
keys d
expect "Done: which follow-up of Alex Rivera?" "d offers Alex's follow-ups"
expect "Enter choose" "the key bar under a picker names Enter"
expect_in "$(bar)" "? help" "and ? for help"
keys '?'
expect "│ Lists to pick from" "? in a picker opens its help"
keys q
expect_gone "│ Lists to pick from" "q closes the help"
expect_in "$(screen)" "Done: which follow-up of Alex Rivera?" "the picker is still open"
keys F1
expect "│ Lists to pick from" "F1 in a picker opens its help too"
keys Escape
expect_gone "│ Lists to pick from" "Esc closes the picker's help"
keys Escape
expect_gone "Done: which follow-up of Alex Rivera?" "Esc closes the picker"

# A question: ? opens its help; the question is still asked after it.
keys D
expect "Delete Alex Rivera" "D asks"
expect "y yes" "the key bar under a question names y"
keys '?'
expect "│ Questions (the default is No)" "? in a question opens its help"
keys Escape
expect_gone "│ Questions (the default is No)" "Esc closes the question's help"
expect_in "$(screen)" "Delete Alex Rivera" "the question is still asked"
keys n
expect "cancelled" "n answers no"
out=$("$KITH" --db "$DB" list alex --tsv)
expect_in "$out" "Alex Rivera" "Alex is still there"

# The contact finder: its line is edited, F1 opens its help.
keys r
expect "Link Alex Rivera to" "r opens the finder"
expect "Enter choose" "the key bar under the finder names Enter"
type_text "olivia?"
expect "/ olivia?" "q and ? are typed into the finder's line"
keys BSpace
expect "Olivia Grant" "the finder lists the match"
keys F1
expect "│ Contact finder" "F1 in the finder opens its help"
keys Escape
expect_gone "│ Contact finder" "Esc closes the finder's help"
keys Escape
expect_gone "Link Alex Rivera to" "Esc closes the finder"

# A message box: a function key leaves it open, a character closes it.
keys '?'
expect "— keys" "? opens the main screen's help"
expect "│ Contact list" "the help begins with the list's keys"
keys F5
keys j
expect_gone "│ Contact list" "j scrolls the help"
expect_in "$(screen)" "— keys" "F5 left the help open"
keys x
expect_gone "— keys" "a character closes it"
keys q
expect "KITH-EXIT=0" "q quits"
