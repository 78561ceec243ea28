#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The database the user meant (issue 9): a read never creates a database,
# kith init and the commands that add data do, and a read-only database
# (file or folder not writable) serves every read while writes fail naming
# the file.
. "$(dirname "$0")/lib.inc"

# ---- a missing database ----------------------------------------------------
nope="$T/typo/kith.db"
for cmd in "due" "list" "show 1" "export -" "done 1" "edit 1 --org X" ""; do
	# shellcheck disable=SC2086
	run --db "$nope" $cmd </dev/null
	expect_rc 1 "'kith $cmd' on a missing database"
	expect_in "$err" "no kith database at $nope" "'kith $cmd' names the path"
	expect_in "$err" "kith init $nope" "'kith $cmd' says how to create it"
	expect_not_in "$out" "Nothing due" "'kith $cmd' shows no empty book"
	if [ -e "$nope" ] || [ -e "$T/typo" ]; then
		fail "'kith $cmd' created $nope"
		rm -rf "$T/typo"
	else pass; fi
done
KITH_DB="$nope" run due
expect_rc 1 "KITH_DB naming a missing file"
expect_in "$err" "no kith database at $nope" "KITH_DB: the path is named"

# A dry run shows what an import would do without creating anything.
printf 'Name,E-mail\nAna,ana@example.com\n' >"$T/a.csv"
run --db "$nope" import --dry-run "$T/a.csv"
expect_rc 0 "dry run on a missing database"
[ -e "$nope" ] && fail "a dry run created the database" || pass

run init "$T/new/kith.db"
expect_rc 0 "kith init PATH"
expect_in "$out" "created an empty kith database at $T/new/kith.db" "init says so"
[ -s "$T/new/kith.db" ] && pass || fail "init created no file"
run --db "$T/new/kith.db" due
expect_rc 0 "due on the new database"
run init "$T/new/kith.db"
expect_rc 0 "init again"
expect_in "$out" "already" "init leaves an existing database"
KITH_DB="$T/env.db" run init
expect_rc 0 "init with KITH_DB"
[ -s "$T/env.db" ] && pass || fail "init did not create \$KITH_DB"
run --db "$T/added.db" add "Ana Petrović"
expect_rc 0 "add creates a missing database"
[ -s "$T/added.db" ] && pass || fail "add created no file"
run --db "$T/imported.db" import "$T/a.csv"
expect_rc 0 "import creates a missing database"

# --demo keeps working.
run --demo due </dev/null
expect_rc 0 "--demo"

# ---- a read-only database --------------------------------------------------
# Permissions bind root only through another user: as root (CI), run the
# binary as nobody.  Never skipped: without setpriv as root, it fails.
R=$(mktemp -d /tmp/kith-ro.XXXXXX)
chmod 755 "$R"
trap 'chmod -R u+w "$R" 2>/dev/null; rm -rf "$R"; finish; exit $?' EXIT
cp "$KITH" "$R/kith"
chmod 755 "$R/kith"
as=()
if [ "$(id -u)" -eq 0 ]; then
	if ! command -v setpriv >/dev/null; then
		fail "running as root without setpriv: cannot test a read-only database"
	fi
	as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
# owned PATH: gives PATH to the user the tests run kith as.
owned() { [ ${#as[@]} -eq 0 ] || chown nobody:nogroup "$@"; }
# rorun ARGS: runs the copy of kith as that user.
rorun() {
	out=$(env -u KITH_DB "${as[@]}" "$R/kith" "$@" 2>"$R/stderr")
	rc=$?
	err=$(cat "$R/stderr")
}

# check_ro DB WHAT: every read works, every write fails naming DB.
check_ro() {
	rorun --db "$1" list --tsv
	expect_rc 0 "$2: list"
	expect_in "$out" "Ana Petrović" "$2: list shows the contact"
	rorun --db "$1" show ana
	expect_rc 0 "$2: show"
	expect_in "$out" "ana@example.com" "$2: show shows the e-mail"
	rorun --db "$1" due
	expect_rc 0 "$2: due"
	rorun --db "$1" export -
	expect_rc 0 "$2: export"
	expect_in "$out" "ana@example.com" "$2: export writes the contact"
	rorun --db "$1" due </dev/null		# plain kith without a terminal
	expect_rc 0 "$2: kith"
	rorun --db "$1" add "Bob Smith"
	expect_rc 1 "$2: add is refused"
	expect_in "$err" "cannot change $1: it is read-only" "$2: add names the file"
	rorun --db "$1" edit ana --org Acme
	expect_rc 1 "$2: edit is refused"
	expect_in "$err" "read-only" "$2: edit says why"
	rorun --db "$1" list --tsv
	expect_not_in "$out" "Bob Smith" "$2: nothing was added"
	# The other reads: the journal, the deals, the pipeline, the stages.
	rorun --db "$1" undo --list
	expect_rc 0 "$2: undo --list"
	expect_in "$out" "Ana Petrović" "$2: undo --list shows the changes"
	rorun --db "$1" deal list
	expect_rc 0 "$2: deal list"
	expect_in "$out" "Ana retainer" "$2: deal list shows the deal"
	rorun --db "$1" deal show retainer
	expect_rc 0 "$2: deal show"
	rorun --db "$1" pipeline
	expect_rc 0 "$2: pipeline"
	rorun --db "$1" stage list
	expect_rc 0 "$2: stage list"
	rorun --db "$1" undo
	expect_rc 1 "$2: undo is refused"
	expect_in "$err" "read-only" "$2: undo says why"
}

mkro() {	# mkro DIR: a database with one contact in DIR
	mkdir -p "$1"
	"$KITH" --db "$1/kith.db" add "Ana Petrović" --email ana@example.com >/dev/null
	"$KITH" --db "$1/kith.db" follow ana "call" --due today >/dev/null
	"$KITH" --db "$1/kith.db" deal add "Ana retainer" --contact ana >/dev/null
}

# The file is not writable; its folder is.
mkro "$R/file"
chmod 777 "$R/file"
chmod 444 "$R/file/kith.db"
check_ro "$R/file/kith.db" "read-only file"

# The file is writable but its folder is not: WAL cannot make its -shm.
mkro "$R/dir"
owned "$R/dir/kith.db"
chmod 644 "$R/dir/kith.db"
chmod 555 "$R/dir"
[ -e "$R/dir/kith.db-shm" ] && fail "the -shm file was left behind" || pass
check_ro "$R/dir/kith.db" "read-only folder"

# And the same user can write a writable database: the refusals above are
# about permissions, not about who runs kith.
mkro "$R/ok"
chmod 777 "$R/ok"
owned "$R/ok/kith.db"
rorun --db "$R/ok/kith.db" add "Bob Smith"
expect_rc 0 "a writable database takes the add"
