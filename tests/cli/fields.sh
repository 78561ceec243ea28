#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Department, dated events (anniversary, "client since") and messaging
# handles: imported from Google, Outlook, Thunderbird and spreadsheet
# columns into the contact's own fields (never custom fields), shown by
# kith show, found by kith list, written by every export layout in the
# program's own columns and forms, and set with add/edit options.
. "$(dirname "$0")/lib.inc"

# Google: Organization Department, Event and IM groups.
cat >"$T/google.csv" <<'CSV'
First Name,Last Name,Organization Name,Organization Title,Organization Department,Birthday,E-mail 1 - Label,E-mail 1 - Value,Event 1 - Label,Event 1 - Value,Event 2 - Label,Event 2 - Value,IM 1 - Label,IM 1 - Service,IM 1 - Value
Ana,Petrović,Acme Legal,Partner,Tax,--03-14,* Work,ana@acme.example,Anniversary,--06-28,Client since,soon,Work,Skype,ana.petrovic ::: ana.p2
CSV
run import "$T/google.csv"
expect_rc 0 "Google import"
expect_in "$err" "google.csv:2: warning: Client since 'soon' not understood; kept as custom field \"Client since\"" \
    "a date kith cannot read is reported with its line and kept"
run show ana
expect_in "$out" "Ana Petrović — Partner, Acme Legal (Tax)" "department beside title and organisation"
expect_in "$out" "messaging  Skype: ana.petrovic (work)" "IM handle with service and label"
expect_in "$out" "Skype: ana.p2 (work)" "the second handle of a ::: cell"
expect_in "$out" "birthday   14 Mar" "year-less birthday shown as 14 Mar"
expect_not_in "$out" "--03-14" "no --MM-DD in show"
expect_in "$out" "dates      anniversary: 28 Jun" "year-less anniversary shown as 28 Jun"
expect_in "$out" "other      Client since: soon" "the unreadable date kept"
expect_not_in "$out" "Department" "no custom field for the department"
expect_not_in "$out" "Event 1" "no custom field for the event"
expect_not_in "$out" "IM 1" "no custom field for the IM"

# Outlook (outlook.com layout): Department, Anniversary M/D/YYYY, IMAddress.
printf '\xef\xbb\xbfFirst Name,Last Name,E-mail Address,Business Phone,Mobile Phone,IMAddress,Job Title,Department,Company,Birthday,Anniversary,Notes\r\n'\
'Bob,Smith,bob@example.com,+1 555-010-0100,,bob@jabber.example,CFO,Finance,Acme Corp,4/17/1985,6/28/2010,\r\n' >"$T/outlook.csv"
run import "$T/outlook.csv"
expect_in "$out" "(format: outlook)" "Outlook detected"
run show bob
expect_in "$out" "CFO, Acme Corp (Finance)" "Outlook Department"
expect_in "$out" "messaging  bob@jabber.example" "Outlook IMAddress"
expect_in "$out" "dates      anniversary: 2010-06-28" "Outlook Anniversary M/D/YYYY"
expect_not_in "$out" "other" "no custom fields from Outlook"

# Thunderbird: Department, Screen Name (AIM), anniversary in three columns
# with a placeholder year.
printf 'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Job Title,Department,Organization,Birth Year,Birth Month,Birth Day,Anniversary Year,Anniversary Month,Anniversary Day,Notes\n'\
'Chen,Wei,Chen Wei,,chen@example.org,,chenw,,Dev,R&D,Acme Asia,1980,6,5,1604,9,1,\n' >"$T/tb.csv"
run import "$T/tb.csv"
expect_in "$out" "(format: thunderbird)" "Thunderbird detected"
run show chen
expect_in "$out" "Dev, Acme Asia (R&D)" "Thunderbird Department"
expect_in "$out" "messaging  AIM: chenw" "Thunderbird Screen Name is AIM"
expect_in "$out" "anniversary: 1 Sep" "placeholder year 1604 is no year"
expect_not_in "$out" "other" "no custom fields from Thunderbird"

# A spreadsheet: labelled and per-service columns, a day-first date.
printf 'Name,Email,IM Skype,Jabber,ICQ,AIM Screen Name,Skype (work),Wedding Anniversary,Department\n'\
'Dan Brown,dan@example.net,dan.skype,dan@jabber.org,12345,danaim,dan.work,28/06/2011,Sales\n' >"$T/sheet.csv"
run import "$T/sheet.csv" --dry-run
expect_in "$out" "IM Skype -> messaging (service \"Skype\")" "the dry run names the mapping"
run import "$T/sheet.csv"
run show dan
for want in "Skype: dan.skype" "Jabber: dan@jabber.org" "ICQ: 12345" \
    "AIM: danaim" "Skype: dan.work (work)" "anniversary: 2011-06-28" \
    "— Sales"; do
	expect_in "$out" "$want" "spreadsheet column to a real field"
done
expect_not_in "$out" "other" "no custom fields from the spreadsheet"

# Re-import merges without duplicates.
run import "$T/google.csv"
run show ana
if [ "$(grep -c "ana.petrovic" <<<"$out")" -eq 1 ]; then pass; else
	fail "the handle twice after a re-import: $out"; fi
if [ "$(grep -c "28 Jun" <<<"$out")" -eq 1 ]; then pass; else
	fail "the anniversary twice after a re-import: $out"; fi

# kith list finds a department and a handle, and says where.
run list finance
expect_in "$out" "Bob Smith" "department found"
expect_in "$out" "(department: Finance)" "list says the department matched"
run list dan.work
expect_in "$out" "(messaging: dan.work)" "handle found"

# Exports: each program's own columns and date forms.
run export --format google -
hdr=$(head -1 <<<"$out")
expect_in "$hdr" "Organization Department" "Google department column"
expect_in "$hdr" "Event 1 - Label,Event 1 - Value" "Google event columns"
expect_in "$hdr" "IM 1 - Label,IM 1 - Service,IM 1 - Value" "Google IM columns"
expect_in "$out" "Anniversary,--06-28" "Google's year-less event, no quote"
expect_in "$out" "Work,Skype,ana.petrovic" "Google IM row"
expect_not_in "$out" "'--06-28" "no guard before a date"
run export --format outlook -
hdr=$(head -1 <<<"$out")
expect_in "$hdr" "IMAddress,Job Title,Department,Company" "Outlook's own columns"
expect_in "$out" "bob@jabber.example,CFO,Finance,Acme Corp" "Outlook IMAddress and Department"
expect_in "$out" "4/17/1985,6/28/2010," "Outlook anniversary M/D/YYYY"
expect_in "$out" "Anniversary: June 28 (no year)" "a year-less anniversary goes to Notes"
run export --format kith -
expect_in "$(head -1 <<<"$out")" ",department," "kith department column"
expect_in "$(head -1 <<<"$out")" "date 1 label,date 1,im 1 service,im 1,im 1 label" \
    "kith date and IM columns"

# Round trip through kith's own layout: the same contact.
"$KITH" export --format kith "$T/all.csv" 2>/dev/null
run --db "$T/rt.db" import "$T/all.csv"
expect_rc 0 "re-import of kith's export"
for who in ana bob chen dan; do
	a=$("$KITH" show "$who" | grep -v '^id ')
	b=$("$KITH" --db "$T/rt.db" show "$who" | grep -v '^id ')
	if [ "$a" = "$b" ]; then pass; else
		fail "round trip changed $who: $a /// $b"; fi
done

# add/edit options.
run add "Eva Novak" --org Acme --department Tax --date "anniversary=28 Jun" \
    --date "client since=1/3/2015" --im Skype:eva.n --im eva@jabber.example
expect_rc 0 "add with department, dates, handles"
run show eva
expect_in "$out" "Acme (Tax)" "add --department"
expect_in "$out" "anniversary: 28 Jun" "add --date through the date parser"
expect_in "$out" "client since: 2015-03-01" "add --date day-first"
expect_in "$out" "Skype: eva.n" "add --im SERVICE:HANDLE"
run edit eva --rm-date "client since" --rm-im eva@jabber.example
expect_rc 0 "edit removing a date and a handle"
run show eva
expect_not_in "$out" "client since" "edit --rm-date"
expect_not_in "$out" "eva@jabber.example" "edit --rm-im"
run edit eva --date anniversary=2010-06-28
run show eva
expect_in "$out" "anniversary: 2010-06-28" "edit --date replaces the date of that label"
run add "Xia" --date "anniversary=next week"
expect_rc 1 "a relative date is refused"
expect_in "$err" "--date:" "the message names the option"
