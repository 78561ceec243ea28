#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The contact pane shows the department beside title and organisation,
# messaging handles, and dated events (an anniversary without a year as
# "28 Jun", never "--06-28"), as imported from a Google-shaped file; the
# edit form changes the department.
. "$(dirname "$0")/lib.inc"

cat >"$T/g.csv" <<'CSV'
First Name,Last Name,Organization Name,Organization Title,Organization Department,Birthday,E-mail 1 - Label,E-mail 1 - Value,Event 1 - Label,Event 1 - Value,Event 2 - Label,Event 2 - Value,IM 1 - Label,IM 1 - Service,IM 1 - Value
Ana,Petrović,Acme Legal,Partner,Tax,--03-14,* Work,ana@acme.example,Anniversary,--06-28,Client since,2015-03-01,Work,Skype,ana.petrovic
CSV
"$KITH" --db "$DB" import "$T/g.csv" >/dev/null 2>&1

start
expect "1 contact" "opens"
expect "Partner, Acme Legal (Tax)" "the department beside title and organisation"
expect "anniversary: 28 Jun" "a year-less anniversary as 28 Jun"
expect "Client since: 2015-03-01" "a labelled date, its label as Google wrote it"
expect "Skype: ana.petrovic (work)" "the messaging handle with its service"
expect "birthday 14 Mar" "a year-less birthday as 14 Mar"
expect_not_in "$(screen)" "--06-28" "no --MM-DD on screen"
expect_not_in "$(screen)" "Department" "no custom field for the department"

# The edit form has the department after the organisation.
keys e
expect "Edit contact" "e opens the form"
expect "Department" "the form has a department field"
keys Tab Tab Tab Tab C-u
type_text "Litigation"
keys Enter
expect "Partner, Acme Legal (Litigation)" "the new department shown"
out=$("$KITH" --db "$DB" show ana)
expect_in "$out" "(Litigation)" "kith show has the department the form saved"
expect_in "$out" "anniversary: 28 Jun" "the dates survive the form"
finish
