#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# add, list, show, edit, rm and link through the real binary.
. "$(dirname "$0")/lib.inc"

run --db "$DB" add "Ana Petrović" --email ana@example.org --org "Acme Legal"
expect_rc 0 "add Ana"
expect_out "added 1 Ana Petrović" "add prints the id"

run --db "$DB" list --tsv
expect_rc 0 "list --tsv"
expect_out "$(printf '1\tAna Petrović\tana@example.org\t\tAcme Legal')" \
	"list --tsv prints her line"

# The default database comes from KITH_DB; a new file is mode 0600.
run add "Петар Петровић" --phone "+381 11 555 0101" --tag client --tag vip
expect_rc 0 "add Петар"
mode=$(stat -c %a "$DB")
[ "$mode" = 600 ] && pass || fail "database mode is $mode, expected 600"
run add "王小明" --org "Acme Asia" --title Partner --email wang@example.cn
run add "Bob Smith" --org "Acme Corp" --email bob@example.com
run add "Čedomir Ilić" --birthday 1970-04-05

# Name order (root collation here), UTF-8 byte-exact.
run list --tsv
expect_out "$(printf '1\tAna Petrović\tana@example.org\t\tAcme Legal
4\tBob Smith\tbob@example.com\t\tAcme Corp
5\tČedomir Ilić\t\t\t
2\tПетар Петровић\t\t+381 11 555 0101\t
3\t王小明\twang@example.cn\t\tAcme Asia')" "list order and bytes"

# Search folds case, accents and alphabet.
run list petrovic --tsv
expect_out "$(printf '1\tAna Petrović\tana@example.org\t\tAcme Legal
2\tПетар Петровић\t\t+381 11 555 0101\t')" "petrovic finds both"
run list acme
expect_rc 0 "list acme"
expect_in "$out" "Bob Smith" "list acme has Bob"
expect_in "$out" "王小明" "list acme has 王小明"
run list nobody-at-all
expect_rc 0 "list without match"
expect_in "$err" "no contact matches" "list tells when nothing matches"

# An ambiguous query lists the candidates and exits 1.
run show petrovic
expect_rc 1 "show ambiguous"
expect_in "$err" "matches 2 contacts" "ambiguous message"
expect_in "$err" "Петар Петровић" "candidate listed"

run show "ana petrovic"
expect_rc 0 "show by name"
expect_in "$out" "Ana Petrović — Acme Legal" "show header"
expect_in "$out" "ana@example.org" "show e-mail"

# edit: single fields replace, lists add, --rm-* remove.
run edit 2 --email petar@example.rs --rm-tag vip --title "Director"
expect_rc 0 "edit"
run show 2
expect_in "$out" "petar@example.rs" "edit added e-mail"
expect_in "$out" "Director" "edit set title"
expect_not_in "$out" "vip" "edit removed tag"
expect_in "$out" "client" "edit kept the other tag"
run edit 2 --name ""
expect_rc 1 "edit to an empty name"

# Relationships show from both sides with the inverse label.
run link "ana" "bob" --as "assistant of"
expect_rc 0 "link"
run show ana
expect_in "$out" "assistant of Bob Smith" "Ana's side"
run show bob
expect_in "$out" "has assistant Ana Petrović" "Bob's side"
run link ana bob --as nemesis
expect_rc 1 "unknown kind"
expect_in "$err" "known kinds" "unknown kind lists kinds"

# Bad input: clear errors, right exit codes.
run add "Someone" --email "not an address"
expect_rc 1 "bad e-mail"
expect_in "$err" "not an address" "bad e-mail message"
run add "X" --birthday "1980-02-30"
expect_rc 1 "bad birthday"
run add
expect_rc 2 "add without a name"
run frobnicate
expect_rc 2 "unknown command"
run show 999
expect_rc 1 "missing id"
expect_in "$err" "no contact with id 999" "missing id message"

# Archive hides, rm deletes.
run rm bob --archive
expect_rc 0 "archive"
run list --tsv
expect_not_in "$out" "Bob Smith" "archived is hidden"
run list --tsv --archived
expect_in "$out" "Bob Smith" "--archived shows it"
run rm 4 --yes
expect_rc 0 "rm"
run list --tsv --archived
expect_not_in "$out" "Bob Smith" "deleted"
run show ana
expect_not_in "$out" "assistant of" "relationship went with him"

# A file that is not a database is refused and left as it was.
printf 'Name,Email\nAna,ana@example.org\n' > "$T/contacts.csv"
sum=$(md5sum < "$T/contacts.csv")
run --db "$T/contacts.csv" list
expect_rc 1 "non-database refused"
expect_in "$err" "not a kith database" "non-database message"
[ "$(md5sum < "$T/contacts.csv")" = "$sum" ] && pass ||
	fail "the non-database file changed"

# Help and version.
run --help
expect_rc 0 "--help"
expect_in "$out" "follow" "--help lists commands"
run follow --help
expect_rc 0 "follow --help"
expect_in "$out" "tomorrow" "follow --help explains dates"
run --version
expect_in "$out" "kith " "--version"

# A rename carries through to exports that split names (Google's columns).
printf 'First Name,Last Name,E-mail 1 - Value\nMila,Jović,mila@example.org\n' > "$T/mila.csv"
"$KITH" --db "$T/rn.db" import "$T/mila.csv" >/dev/null 2>&1
run --db "$T/rn.db" edit mila@example.org --name "Mila Lukić"
expect_rc 0 "rename"
run --db "$T/rn.db" export --format google -
expect_in "$out" "Mila,,Lukić" "export has the new family name"
case "$out" in *Jović*) fail "export still has the old family name" ;; *) pass ;; esac
