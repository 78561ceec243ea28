/* SPDX-License-Identifier: MIT */
/*
 * kith's entry point: global options, the subcommand table, help and
 * version, and the helpers every subcommand shares.
 *
 * Global options come before the subcommand; every subcommand also takes
 * --db and --help.  Exit status: 0 ok, 1 bad input or not found (with a
 * message on stderr naming what and where), 2 usage.
 */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/db.h"
#include "kith/termsafe.h"
#include "kith/util.h"
#include "kith/vocab.h"
#include "cli.h"
#include "demo.h"

static int	run_overview(struct cli *);
static int	main_usage(FILE *);
static int	open_demo(struct cli *);

const struct cmd cli_cmds[] = {
	{ "init", cmd_init, "[PATH]", "create an empty kith database",
	    "Creates the database at PATH (default: --db, $KITH_DB, else "
	    "$XDG_DATA_HOME/kith/kith.db),\nmode 0600 in folders created "
	    "0700.  An existing kith database is left as it is.\nOnly init, "
	    "add, import and demo-load create a missing database: every other "
	    "command\nsays \"no kith database at PATH\" and exits 1, so a "
	    "mistyped path never\nshows an empty address book." },
	{ "add", cmd_add, "NAME [--given G] [--family F] [--email E]... "
	    "[--phone P]... [--org O] [--department D] [--title T] "
	    "[--tag T]... [--note N] [--birthday D] [--date LABEL=DATE]... "
	    "[--im SERVICE:HANDLE]... [--url U]... [--force]",
	    "add a contact",
	    "NAME is the display name, e.g. \"Ana Petrović\".  Without --given "
	    "and --family a\ntwo-word NAME is read as first and last name (Ana, "
	    "Petrović), as exports write\nthem; other names are kept whole.  "
	    "--email, --phone, "
	    "--tag and --url\nmay be given several times; the first e-mail and "
	    "phone are the primary ones.\nPrints the new contact's id.\n"
	    "An e-mail or phone that already belongs to another contact (the "
	    "same address\nwithout regard to case, the same number however "
	    "written) adds nothing: kith\nnames that contact and its id and "
	    "exits 1; change it with kith edit.  --force\nadds the new contact "
	    "anyway (with a warning).\n--birthday D: 1980-12-24, 24/12/1980, 24 Dec 1980, or 24 Dec (or --12-24)\nwhen the year is unknown.\n"
	    "--date LABEL=DATE adds a dated event read the same way, e.g.\n"
	    "--date anniversary=28/6/2010 or --date \"client since=2015-03-01\""
	    "; a DATE alone\nis the anniversary.  --im SERVICE:HANDLE adds a "
	    "messaging handle\n(--im Skype:ana.p; a HANDLE alone has no "
	    "service).  Both may be repeated." },
	{ "edit", cmd_edit, "ID|QUERY [--name N] [--email E]... [--phone P]... "
	    "[--org O] [--department D] [--title T] [--tag T]... [--note N] "
	    "[--birthday D] [--date LABEL=DATE]... [--im SERVICE:HANDLE]... "
	    "[--url U]... [--rm-email E]... [--rm-phone P]... [--rm-tag T]... "
	    "[--rm-date LABEL]... [--rm-im HANDLE]...",
	    "change a contact",
	    "Single fields (--name, --org, --department, --title, --note, "
	    "--birthday) replace\nthe stored value; an empty value clears it.  "
	    "--email, --phone, --tag, --im and\n--url add to the lists; "
	    "--date LABEL=DATE sets the date of that label (adding\nit if "
	    "there is none).  --rm-email, --rm-phone, --rm-tag, --rm-im (HANDLE "
	    "or\nSERVICE:HANDLE) and --rm-date (LABEL) remove an entry.\nA new --name also renames the first "
	    "and last name that exports write\n(split from a two-word name, "
	    "cleared otherwise).\nOnly what the edit changes is written; if "
	    "another kith or an import changed\nthe contact between reading "
	    "and saving, nothing is saved and kith names the\nfield.  An "
	    "edit that changes nothing (a tag or e-mail it has already)\n"
	    "says so and is no change for kith undo." },
	{ "list", cmd_list, "[QUERY] [--tsv] [--archived] [--in-deal] "
	    "[--sort name|strength]",
	    "list contacts in name order, optionally matching QUERY",
	    "Every word of QUERY must begin a word of the name, organisation "
	    "(with title and\ndepartment), e-mail (with messaging handles), "
	    "phone, tags or notes; accents, case and alphabet do not "
	    "matter (\"petrovic\" finds\n\"Петровић\").  --tsv prints id, name, "
	    "e-mail, phone and organisation separated by\ntabs, one contact per "
	    "line.  --archived includes archived contacts.\nA contact found by "
	    "something other than its name says where, e.g.\n\"(notes: …met "
	    "Ana at the fair)\" (not in --tsv, whose columns stay as they are):\n"
	    "the field holding the term as typed (an address typed notes the "
	    "e-mail, not an\norganisation sharing a word of it; a number "
	    "typed in parts, the phone).\n"
	    "Phone digits find a number however it is written: 442079, "
	    "2079460101,\n\"020 7946\" and 447946 (no area code) all find "
	    "+44 20 7946 0101.\nWhen no contact has the words, list shows "
	    "the one a lookup of them takes\n(a sound-alike, a title dropped),"
	    " as show or rm would, and says so.\n"
	    "--in-deal lists only people on a deal "
	    "(matter) in an open stage; it is the word\nin:deal (or in:matter, "
	    "any case) in QUERY, which the full-screen search line\n"
	    "understands too: \"kith list in:deal lumen\" lists the people\n"
	    "of Lumen Systems on open deals.\nA word of two letters or more "
	    "also finds the loose matcher's names for it:\n\"alexei\" finds "
	    "Алексей, \"bob\" Robert; the full-screen search line runs the\n"
	    "same planner and finds the same.  The list is printed a page at "
	    "a time,\nso its first lines come at once however large the "
	    "book.\n--sort strength lists the "
	    "strongest relationships first (name order among\nequals), each "
	    "with its strength 0-100 before the name (the one set by hand\n"
	    "where there is one; --tsv keeps its columns); --sort name is the "
	    "default." },
	{ "show", cmd_show, "ID|QUERY",
	    "show everything about one contact",
	    "ID|QUERY (here and in edit, rm, link, log, follow) is, in this "
	    "order:\n"
	    "  a contact id (digits only);\n"
	    "  an e-mail address, exactly (without regard to case);\n"
	    "  a phone number, however written (+44 20 7946 0101, 442079460101,"
	    "\n    020 7946 0101 and 2079460101 are the same number);\n"
	    "  else words of a name: display name, first and last name, "
	    "nickname, without\n    regard to case, accents or alphabet.  A "
	    "whole name word wins over a word it\n    begins (\"ana\" is Ana "
	    "Petrović, not Anastasia), which wins over a word that\n    merely "
	    "contains it.\n"
	    "Notes, tags, custom fields and the organisation never pick the "
	    "contact (kith list\nsearches those).  When several contacts fit "
	    "equally, kith lists them with their\nids and exits 1." },
	{ "rm", cmd_rm, "ID|QUERY [--yes] [--all-matching] "
	    "[--archive | --unarchive]",
	    "delete a contact (or archive it)",
	    "Deleting removes the contact with its e-mails, phones, follow-ups, "
	    "relationships\nand the interactions nobody else took part in.  "
	    "kith rm names the contact and\nasks for confirmation on a "
	    "terminal; without one it refuses unless --yes is\ngiven.  A QUERY "
	    "that matches several contacts deletes nothing, unless\n"
	    "--all-matching is given: then every match is listed and deleted "
	    "after one\nconfirmation.  kith undo brings deleted contacts back.  "
	    "--archive hides the\ncontact from lists instead, keeping "
	    "everything; --unarchive brings it back." },
	{ "link", cmd_link, "ID|QUERY ID|QUERY --as KIND [--note N]",
	    "record how two contacts are related",
	    "Reads \"the first is KIND the second\": kith link Ana Bob --as "
	    "\"assistant of\"\nshows \"assistant of Bob\" on Ana and \"has "
	    "assistant Ana\" on Bob.  KIND may be\na kind or its inverse; define "
	    "a new one as NAME/INVERSE.  kith link --kinds\nlists the known "
	    "kinds." },
	{ "unlink", cmd_unlink, "RELATIONSHIP-ID",
	    "remove a relationship (ids are shown by kith show)",
	    "Prints the two people and the kind removed (\"unlinked 2: Ana "
	    "Petrović (#1)\ncolleague Bob Smith (#2)\"); kith undo puts it "
	    "back." },
	{ "alias", cmd_alias, "ID|QUERY [NAME] [--remove] | "
	    "--org ORG [NAME] [--remove]",
	    "list, add or remove the other names of a contact or firm",
	    "An alias is another name a contact goes by (a maiden name, a "
	    "former name) or an\norganisation went by (a former or trading "
	    "name).  kith list, lookups, kith dupes\nand the loose matcher "
	    "find a contact by its aliases as by its name.  With NAME,\n"
	    "adds it (--remove: removes it); without, lists them.  --org "
	    "names an organisation\nby id or name (without legal suffix: "
	    "\"Acme\" finds \"Acme Inc.\").\n"
	    "  kith alias \"Ana Petrović\" \"Ana Jovanović\"\n"
	    "  kith alias --org Northbridge \"Northbridge Savings\"" },
	{ "dupes", cmd_dupes, "[--tsv] | --not-same ID|QUERY ID|QUERY",
	    "list likely duplicate contacts",
	    "Lists pairs of contacts that may be one person, with a score "
	    "(0-100) and why:\nthe same e-mail (95) or phone (85), the same "
	    "name (60; 80 at one organisation),\nor at one organisation names "
	    "the loose matcher takes for one: a transliteration\n(70), a "
	    "nickname (60: Bob and Robert), initials (50: J. Smith), a "
	    "sound-alike (30).\nEach further reason adds 5.  --tsv: score, "
	    "id, name, id, name, reasons.\n--not-same A B records that A and "
	    "B are different people: they are not\nproposed again.  kith "
	    "merge joins a pair." },
	{ "merge", cmd_merge, "KEEP OTHER [--take FIELD,...] [--yes]",
	    "merge contact OTHER into KEEP",
	    "KEEP gains every e-mail, phone, address, URL, tag, custom field, "
	    "alias,\ninteraction, follow-up, relationship and deal role of "
	    "OTHER, which is then\ndeleted; OTHER's name becomes an alias of "
	    "KEEP.  A field KEEP lacks is taken\nfrom OTHER; one both have "
	    "keeps KEEP's, OTHER's being kept as the custom field\n\"FIELD "
	    "(merged from NAME)\".  --take name,title,... takes those fields "
	    "from OTHER\ninstead (name, nickname, organisation, department, "
	    "title, birthday, notes):\nKEEP's value is kept as \"FIELD "
	    "(replaced in the merge with NAME)\", and with\nthe name taken, "
	    "KEEP's old name becomes the alias.  kith merge names both and\n"
	    "asks on a terminal; without one it refuses unless --yes is given."
	    "  kith undo\nrestores both." },
	{ "me", cmd_me, "[ID|QUERY]",
	    "show or set which contact is you (for kith path)",
	    "kith path starts from this contact unless told FROM, and counts "
	    "everyone you\nlogged an interaction with as someone you know." },
	{ "path", cmd_path, "[FROM] TO [--depth N]",
	    "how you (or FROM) know TO: the shortest chains of people",
	    "TO and FROM are contacts (ID|QUERY) or organisations (a whole "
	    "name, or the\nstart of one; org:NAME for an organisation only).  "
	    "Links are relationships\n(either way), working at an "
	    "organisation, being parties to one deal, taking\npart in one "
	    "interaction, and from you every contact you logged an "
	    "interaction\nwith.  Prints up to 3 chains of the fewest links "
	    "(at most --depth, default 4,\nat most 8), strongest first: a "
	    "chain is as strong as its weakest link, and\nrecent links are "
	    "stronger.  Each step says how: the relationship, the deal,\nthe "
	    "last interaction.  \"No path within 4 steps\" (exit 1) when there "
	    "is none;\nthe search stops after 200,000 people and organisations "
	    "and says so." },
	{ "conflict", cmd_conflict, "NAME... [--matter TITLE] [--depth N]\n"
	    "       kith conflict --list | --show N [--format text|markdown]\n"
	    "       kith conflict --decide N clear|waivable-pending|"
	    "waivable-obtained|declined\n"
	    "         [--waiver REF]",
	    "check names for conflicts of interest, and keep the record",
	    "Looks each NAME up among contacts and organisations (by name, "
	    "accents, case\nand script aside, and by the loose matcher: "
	    "aliases, nicknames,\ntransliterations, initials, legal "
	    "suffixes, sounds-alike), in contacts' notes\nand in "
	    "deal titles, then follows typed\nlinks from each one found "
	    "(relationships, where a person works, links\nbetween "
	    "organisations made with kith org-link) up to --depth links "
	    "(default\n2, at most 4) to the parties of deals.  Prints every "
	    "hit with its role (client,\nadverse party, related to a client, "
	    "works at a client, ...), the chain that\nmakes it relevant and "
	    "the rule that matched, strongest first; \"No hits in\nkith's "
	    "records\" when there are none.  Every check is saved, with who "
	    "ran it\n($KITH_USER, else kith config user, else the login "
	    "name), when (UTC), the\nterms and what was searched.  The record "
	    "is never changed or deleted, and\nkith undo refuses to undo it: "
	    "--decide appends a disposition (with\n--waiver REF and the "
	    "reviewer), --list lists the checks, --show N prints one." },
	{ "org-link", cmd_org_link, "ORG ORG --as KIND",
	    "record how two organisations are linked (for conflict checks)",
	    "Reads \"the first is KIND the second\": subsidiary of, parent "
	    "company of,\naffiliate of, former name of.  kith undo takes it "
	    "back." },
	{ "who", cmd_who, "ORG|QUERY",
	    "everyone connected to an organisation, and how",
	    "Its people, people related to them, parties to its deals, and "
	    "people in\ninteractions with its people; strongest (most recent) "
	    "first." },
	{ "log", cmd_log, "ID|QUERY [--kind "
	    KITH_INTERACTION_KIND_LIST(KITH_VOCAB_STR, KITH_VOCAB_BAR) "] "
	    "[--at WHEN] [--with ID|QUERY]... [--by them|us] SUMMARY\n"
	    "       kith log --deal ID|QUERY [--kind K] [--at WHEN] "
	    "[--with ID|QUERY]... [--by them|us] SUMMARY",
	    "record an interaction",
	    "--kind defaults to " KITH_INTERACTION_KIND_DEFAULT ".  --at "
	    "defaults to now; WHEN is a date as for\nkith follow, looking "
	    "back: \"mon\" is the last Monday, 24/12 the last 24 December.\n"
	    "A time may follow (\"fri 14:30\", \"yesterday 9am\", or "
	    "\"14:30\" alone for today).\nA moment in the future is refused: "
	    "plan it with kith follow.  --with adds more\npeople who took "
	    "part.\n--deal logs it on a deal (kith deal): the deal's people "
	    "take part, with those\nof --with, and the deal counts as touched "
	    "(not stalled).\n--by them (or us) says who started it, for the "
	    "reciprocity of the strength\n(kith cadence ID|QUERY shows its terms)." },
	{ "follow", cmd_follow, "ID|QUERY ACTION --due DATE\n"
	    "       kith follow --deal ID|QUERY [--with ID|QUERY] ACTION "
	    "--due DATE",
	    "add a follow-up reminder",
	    "Prints the follow-up's id and the day it is due (\"due Tue 8 Dec "
	    "2026\").  DATE:\n  2026-12-08, 2026-12-8    ISO\n"
	    "  8/12, 8/12/2026, 8.12.2026  day first (month first if "
	    "KITH_DATE_ORDER=mdy,\n                           or the locale "
	    "writes dates so, as en_US)\n"
	    "  Dec 8, 8 December 2026   English month names\n"
	    "  today, tomorrow, yesterday\n"
	    "  tue, next tue            the next Tuesday after today\n"
	    "  next week, next month    next Monday; the 1st of next month\n"
	    "  in 3 days, +3d, 2w, +1m, +1y, -3d   (+1m from 31 Jan: end of "
	    "February)\n"
	    "  +3bd, in 3 business days        skipping Saturday and Sunday\n"
	    "  eow, eom, eoy            this Friday, the month's last day, 31 "
	    "December\n"
	    "A date without a year that has passed this year is next year's.  A "
	    "time of\nday may follow (\"fri 14:30\", \"tomorrow 9am\"); without "
	    "one it is due all day.\nA time already past today is still today's, "
	    "not overdue.  A day in the past is\naccepted with a warning.\n"
	    "--deal puts the follow-up on a deal (kith deal show lists it), "
	    "for the contact\nof --with if given." },
	{ "done", cmd_done, "FOLLOWUP-ID...", "mark follow-ups done",
	    "Each is printed with its action and whose it is (\"done 5: call "
	    "Ana, for Ana\nPetrović\").  A follow-up done already is left as "
	    "it is, saying since when\n(exit 0)." },
	{ "snooze", cmd_snooze, "[--reopen] [--all-day] FOLLOWUP-ID DATE",
	    "move a follow-up to another date",
	    "DATE as for kith follow; prints the day it is now due (and, on "
	    "standard error,\nits action and whose it is).  A day alone "
	    "keeps the\nfollow-up's time of day; \"mon 9:30\" sets it; "
	    "--all-day drops it.  A done "
	    "follow-up is refused\n(exit 1) unless --reopen makes it pending "
	    "again." },
	{ "due", cmd_due, "[--days N] [--tsv]",
	    "overdue follow-ups, then those due within N days (default 0: today)",
	    "Overdue come first, most overdue first, then by day; in a day, all "
	    "day first, then\nby time (shown before the action).  --tsv prints "
	    "follow-up id, due date, days\nlate (negative: ahead), contact id, "
	    "contact name, action and time of day\n(HH:MM, empty when all day).  "
	    "Exits 0 whether or not anything is due: meant\nfor cron." },
	{ "cadence", cmd_cadence, "ID|QUERY|tag:TAG IDEAL[/MAX]|off|inherit\n"
	    "       kith cadence ID|QUERY | --list [--tsv]",
	    "keep in touch with someone, or everyone with a tag, every so often",
	    "IDEAL and MAX are days, weeks, months (30 days) or years: 30, "
	    "30d, 4w, 2m, 1y;\nMAX defaults to 1.5 x IDEAL.  \"kith cadence "
	    "ana 30d/45d\", \"kith cadence tag:client 4w\".\nThe clock runs "
	    "from the last touch: any call, meeting, e-mail or event logged\n"
	    "with the person, also on a deal (a note is not a touch); a touch "
	    "logged with an\nearlier date never moves it back.  Past IDEAL "
	    "the contact is due, past MAX\noverdue.  A contact's own cadence "
	    "beats its tags' (the tightest tag wins);\noff stops it even when "
	    "a tag has one, inherit gives it back to the tags.\nA new cadence "
	    "first falls due on a day spread over its interval, fixed per\n"
	    "contact.  With only ID|QUERY, shows the contact's cadence and "
	    "strength.\n--list shows the tags with a cadence, then every "
	    "contact with one by due day;\n--tsv prints contact id, name, "
	    "ideal, max, tag, last touch, due, overdue, state." },
	{ "review", cmd_review, "[--tsv | --digest] [--days N] [--all | "
	    "--cap N]\n"
	    "       kith review decide KEY done|snooze DATE|reschedule DATE|drop "
	    "[--note TEXT]",
	    "today's ranked queue: follow-ups, cadences, birthdays, stalled "
	    "deals, each with why",
	    "Ranks everything owed by one score, the sum of its terms: tier "
	    "(overdue follow-up 30,\ndue today 25, coming 10; overdue cadence "
	    "25, due 15, coming 5; key date today 30,\nthis week 15; stalled "
	    "deal 20), lateness (2 x days late, -14 to 40), strength / 5,\n"
	    "and the largest open deal (5 x log10(value) - 10, 0 to 20).  "
	    "--days N takes in\nwhat falls due within N days (default 0: "
	    "today); birthdays show a week ahead.\nAt most 15 items a day "
	    "(--cap N, --all for every one); the rest are carried\nover in "
	    "rank order.  A note shows when a colleague at the same "
	    "organisation was\ntouched in the last 14 days.  --tsv prints "
	    "rank, score, kind, contact id, name,\nwhat and the explanation.  "
	    "--digest prints a plain-text digest for e-mail and\nnothing at "
	    "all when nothing is owed (exit 0), so cron sends no empty mail.\n"
	    "decide records a decision on the item KEY (shown in brackets, "
	    "e.g. cadence:17) for\ntoday, which takes it out of the day's "
	    "queue: done (a follow-up is marked done;\nlog the call to reset "
	    "a cadence), snooze DATE (counts as a snooze; three in a\nrow "
	    "ask to loosen the cadence), reschedule DATE, drop (a follow-up "
	    "is deleted,\na cadence turned off).\n"
	    "KITH_FEB29=mar1 moves 29 February birthdays to 1 March in other "
	    "years." },
	{ "pipeline", cmd_pipeline, "[--tsv] [--currency CUR] [--stalled N]",
	    "the pipeline's numbers: open stages, deals won and lost, stalled "
	    "deals",
	    "Per open stage: the deals, their value and their weighted value "
	    "(value times the\nstage's win probability), one line per "
	    "currency: amounts in different\ncurrencies are never added up.  "
	    "Then, for the last 30 and 90 days, how many\ndeals were opened, "
	    "those won and lost with their values, the win rate\n(won / (won "
	    "+ lost)) and the average days from opening a deal to closing "
	    "it.\nThen the stalled deals, longest untouched first: no stage "
	    "change or interaction\nfor longer than the stage's stall days, "
	    "or a follow-up on the deal overdue;\n--stalled N lists N of them "
	    "(default 20).\n--currency CUR counts only the deals in CUR "
	    "(ISO 4217, e.g. EUR).\n--tsv prints the open stages only, one row "
	    "per stage and currency: stage, deals,\nvalue, weighted value, "
	    "currency; a stage without deals has one row 0, 0.00,\n0.00 and "
	    "no currency.  Values have the currency's decimals (JPY none)." },
	{ "import", cmd_import, "FILE... [--format F] [--map COL=FIELD,...] "
	    "[--tag T] [--dry-run] [--rejects PATH] [--charset CP] | "
	    "--undo BATCH [--yes] | --list",
	    "import address books from CSV or vCard",
	    "The layout (google, outlook, linkedin, thunderbird, eventbrite, "
	    "kith, generic)\nis recognised from the header; --format overrides "
	    "it.  --map maps columns by\nname: --map \"Cell=phone,Team=tag\" "
	    "(date:LABEL and im:SERVICE name a date or\nhandle).  Department, "
	    "Anniversary, Google's Event and IM groups, IMAddress,\nSkype, "
	    "Jabber, ICQ, AIM Screen Name, \"IM Skype\" and the like are the "
	    "contact's\ndepartment, dates and messaging handles (README: "
	    "Importing and exporting).\nColumns kith has no field for are kept as\ncustom fields.  A row "
	    "with the same e-mail, or the same phone and a compatible\nname, as "
	    "a contact already stored is merged into it; a weaker match is "
	    "added\nand reported as a possible duplicate.  Rejected rows are "
	    "reported with their\nline and kept in FILE.rejected.csv (or "
	    "--rejects PATH).  Encoding (UTF-8,\nUTF-16, or --charset for files "
	    "that are not UTF-8, default WINDOWS-1252) and\ndelimiter (, ; "
	    "TAB) are detected.  --dry-run shows the mapping and what\n"
	    "it would do (\"would import\", \"would reject\") and writes "
	    "nothing.\n--undo BATCH takes an import back, with the tags it "
	    "made, after naming it,\nasking (without a terminal, give --yes) "
	    "and backing up; a batch that\ndoes not exist or was undone "
	    "already is refused first.  --list "
	    "lists imports.\nOn a terminal, a file over 512 KiB shows a progress "
	    "bar.\nA file of 50,000 rows or more, larger than the book, takes "
	    "the bulk path\n(same result; indexed for search, name order and "
	    "duplicate checks\nafter the rows, a file read twice; "
	    "KITH_IMPORT_BULK=0|1 forces it;\nKITH_IMPORT_TRACE=FILE appends "
	    "its phases' times).\nA file that is not a table (binary data, prose) or "
	    "has no name,\norganisation, e-mail or phone column is refused and "
	    "records no import.\nNothing is repaired silently: a "
	    "phone without digits is\nkept as the field Phone, and mangled "
	    "phones (4,47701E+11, a lost leading 0),\nU+FFFD and CR line "
	    "breaks (made LF) are warnings with their line.\n"
	    "--format deals (or a file with the header kith export --format "
	    "deals writes)\nreads deals: a deal with the same reference, else "
	    "title and organisation,\nis merged into; people are found by "
	    "e-mail or name (one not found is a\nwarning); the import is one "
	    "change that kith undo takes back.\n"
	    "A file that begins with BEGIN:VCARD or is named .vcf is read as "
	    "vCard (2.1, 3.0,\n4.0), a folder as a vdir (one .vcf a contact); "
	    "a card whose UID a contact has\nupdates it (or is counted "
	    "unchanged), others merge or are added as rows do;\nwhat kith has "
	    "no field for (PHOTO, X- lines) is kept and exported back.  A card\n"
	    "that cannot be read is reported with its line and kept in "
	    "FILE.rejected.vcf.\n"
	    "Exits 1 if any row was rejected." },
	{ "export", cmd_export, "[FILE|-] [--format kith|google|outlook|deals|"
	    "json|vcard|mutt-alias|ics]\n         [--version 3.0|4.0] "
	    "[--birthdays] | --format vdir DIR [--yes]",
	    "export contacts (CSV, vCard, mutt aliases), follow-ups and "
	    "birthdays (iCalendar),\nor the whole book (JSON)",
	    "kith's own format (the default) keeps every field and imports "
	    "back exactly;\nits cells beginning with = + - @ TAB or CR get a "
	    "leading ' so that\nspreadsheets do not run them as formulas "
	    "(kith's importer removes it).\ngoogle and outlook are the "
	    "layouts those programs write: phone numbers and\ndates as they "
	    "are (a birthday without a year is --MM-DD for Google, a Notes\n"
	    "line for Outlook), tags in Labels or Categories, the department, "
	    "dates and\nmessaging handles in Organization Department, Event "
	    "and IM (Google) or\nDepartment, Anniversary and IMAddress "
	    "(Outlook); only free text "
	    "such as\nnames and notes gets the '.  deals writes every deal "
	    "(not contacts) with\nits people and stage history (README: Deals "
	    "as CSV).\njson writes the whole book (every table, with ids) for "
	    "moving machines:\nkith import FILE.json loads it into an empty "
	    "book as it was.\n"
	    "vcard writes vCard 3.0 (--version 4.0: 4.0) with every "
	    "field, the lines kept\nfrom imported cards, a UID and REV; "
	    "contacts without a UID are given one\nfirst, in one change.  "
	    "vdir writes DIR/UID.vcf for each contact, rewriting\nonly the "
	    "cards that changed (the layout khard and vdirsyncer use), and "
	    "lists\nthem in DIR/.kith-vdir; a card it listed whose contact "
	    "is gone (deleted or\nmerged) is named and removed after asking "
	    "(--yes for scripts; without a\nterminal and without --yes it "
	    "refuses and changes nothing).  Files kith did\nnot write are "
	    "never removed.  A card kith wrote that another program has changed "
	    "since is\nkept and named (exit 1); --yes replaces it with kith's.\n"
	    "The export is one snapshot of the database.  FILE is replaced "
	    "whole (through a\nlink, the file it names); a FIFO or a device "
	    "is written as it is.  The book\nitself, any other SQLite "
	    "database and a folder are refused.\nTo a "
	    "terminal, export - shows control "
	    "characters inert.\n"
	    "mutt-alias writes one line alias KEY \"Name\" <address> per "
	    "e-mail (contacts not\narchived), escaped so that mutt runs and "
	    "expands nothing in it; KEY is the\nname's words in ASCII joined "
	    "by - (ana-petrovic), then _ID if an older contact\nhas the same "
	    "name, then .N for a contact's Nth address: unique, and the same\n"
	    "at every export.  In muttrc: source ~/.mutt/kith-aliases.\n"
	    "ics writes an iCalendar file: open follow-ups as to-dos (VTODO, "
	    "DUE the day,\nor the day and time; PRIORITY 8 - score/8 within "
	    "1..9 from the review's\nscore, so overdue is 1-4, due today 5, "
	    "ahead 6-9), and with --birthdays the "
	    "birthdays as all-day events\nrepeating every year (a birthday "
	    "without a year starts in 2000).  Each item's\nUID stays the same "
	    "from one export to the next, so a calendar subscribed to\nthe "
	    "file updates rather than duplicates." },
	{ "query", cmd_query, "[--no-header] [--] STRING...",
	    "look up e-mail addresses for mutt, neomutt and aerc",
	    "Prints a first line saying how many addresses were found, then "
	    "one line per\ne-mail address of every contact whose name, "
	    "e-mail or organisation matches\nSTRING (as kith list matches, "
	    "but never notes, tags or phones; archived\ncontacts left out): "
	    "address, name and organisation separated by tabs, as\nmutt's "
	    "query_command reads them.  Contacts found by name come first, "
	    "then by\ne-mail, then by organisation.  A field never holds a "
	    "tab or line break; a\ncontact without a name shows its address "
	    "in the name column.  STRING is only\never searched for, never "
	    "run.  Nothing found: that line alone, exit 1.\n--no-header "
	    "leaves out the first line and prints at most 100 lines, for\n"
	    "aerc's address-book-cmd.\n"
	    "After --, even a STRING beginning with - is searched for.\n"
	    "  muttrc:    set query_command = \"kith query -- %s\"   (mutt "
	    "quotes %s itself)\n"
	    "  aerc.conf: address-book-cmd = kith query --no-header -- '%s'" },
	{ "add-email", cmd_add_email, "[--headers from,cc] [--quiet]",
	    "add the sender of a message read on stdin",
	    "Reads one message on stdin and adds the addresses of its From: "
	    "header (or of the\nheaders --headers names: from, sender, "
	    "reply-to, to, cc, bcc) as new contacts,\nnamed as the message "
	    "names them (RFC 2047 encoded names decoded).  Only the\nheader "
	    "is read: a From: line in the body is never taken.  An address "
	    "a contact\nhas already (without regard to case) is left alone, "
	    "except that a contact named\nonly by its address gets the "
	    "message's name.  On a terminal kith asks before\neach one; "
	    "--quiet never asks, never opens the terminal and prints only "
	    "errors.\nA message without a From: address: exit 1.  kith undo "
	    "takes it all back.\n  muttrc: macro index,pager A "
	    "\"<pipe-message>kith add-email<return>\"" },
	{ "undo", cmd_undo, "[CHANGE-ID] [--yes] | --list",
	    "take back the last change",
	    "Every change (add, edit, rm, link, unlink, log, follow, done, "
	    "snooze, import,\nand an undo itself) is recorded; kith undo takes "
	    "back the latest one not\nundone yet, and again the one before.  "
	    "CHANGE-ID undoes that change instead;\nundoing an undo redoes the "
	    "change.  --list shows the recent changes, newest\nfirst: id, when, "
	    "command and what it did.  The last 100 changes are kept.\nIf "
	    "something the change touched was changed since, undo names it and "
	    "refuses;\nundo the later change first.  An import is undone as a "
	    "whole, and asked\nfirst as import --undo asks (--yes for "
	    "scripts), with a backup." },
	{ "backup", cmd_backup, "[FILE]",
	    "copy the database, safely while kith is in use",
	    "Copies the whole book to FILE (which must not exist), mode 0600, "
	    "as one\nconsistent snapshot even while the TUI or another kith "
	    "writes.  Without FILE\nthe copy goes to the folder backups next "
	    "to the database, as\nSTEM-YYYYMMDD-HHMMSS.db (never deleted by "
	    "kith).  kith also backs up there by\nitself before upgrading an "
	    "older database, before import --undo and before\nrestore "
	    "(STEM-DATE-before-WHAT.db), keeping the last 10 of those\n"
	    "($KITH_BACKUP_KEEP=N keeps N; 0 turns them off)." },
	{ "restore", cmd_restore, "FILE [--yes]",
	    "replace the database with a backup",
	    "Checks that FILE is a kith database this kith can read (and not "
	    "damaged), names\nthe contacts, follow-ups, interactions and deals "
	    "the book holds now and those\nin FILE, and asks (without a "
	    "terminal, give --yes).  The book as it was is\nbacked up first "
	    "(backups/STEM-DATE-before-restore.db)." },
	{ "deal", cmd_deal, "add TITLE [--org O] [--value AMOUNT] "
	    "[--currency CUR] [--stage S]\n"
	    "         [--contact ID|QUERY [--role R]]... [--close DATE] "
	    "[--ref REF] [--fee F]\n"
	    "         [--practice P] [--next TEXT] [--notes TEXT] "
	    "[--originator ID|QUERY]\n"
	    "         [--responsible ID|QUERY] [--check]\n"
	    "       kith deal move ID|QUERY STAGE\n"
	    "       kith deal won|lost ID|QUERY [--reason TEXT]\n"
	    "       kith deal edit ID|QUERY [--title T] [--contact ID|QUERY "
	    "[--role R]]...\n"
	    "         [--rm-contact ID|QUERY]... [--reason TEXT] and the "
	    "options of add\n"
	    "       kith deal show|rm ID|QUERY   (rm: [--yes])\n"
	    "       kith deal list [QUERY] [--stage S] [--tsv]\n"
	    "       kith deal roles [add|rm ROLE]",
	    "deals (or matters): add, move through stages, close, list",
	    "A deal (called a matter if kith config deal-word matter) has a "
	    "title, a stage,\nan organisation, a value, people with roles and "
	    "a history of its stages.\n"
	    "ID|QUERY is a deal id, its exact reference (--ref), or words of "
	    "its title (as\nfor contacts: a whole word wins over a beginning); "
	    "several equal matches are\nlisted and nothing is done.\n"
	    "--value AMOUNT: a plain decimal, thousands may be grouped with "
	    "commas\n(12500, 12,500.50), at most as many decimals as the "
	    "currency has (JPY none).\n--currency: an ISO 4217 code (EUR, USD, "
	    "GBP, ...); a value without one takes\nthe currency of the book's "
	    "region.  --stage: a stage name (kith stage list),\ndefault the "
	    "first open stage.  --role: a deal role (client, decision maker,\n"
	    "referrer, adverse party, opposing counsel, co-counsel, witness, "
	    "expert, other;\nkith deal roles lists them, add and rm change "
	    "the list), for the --contact\nbefore it.  --check (add, edit): "
	    "first a conflict check of the --contact\nnames for the matter, "
	    "saved and printed as kith conflict prints it; without\nit, in a "
	    "book of matters, a line gives the kith conflict command for the\n"
	    "parties added.  --fee: "
	    KITH_FEE_LIST(KITH_VOCAB_STR, KITH_VOCAB_BAR) ".\n"
	    "--close DATE: the expected close date, as for kith follow.\n"
	    "move records the stage change with its date (kith deal show "
	    "lists the days in\neach stage); moving to the stage it is in "
	    "changes nothing.  won and lost move\nit to the first won or lost "
	    "stage.  edit writes only what it changes; an empty\nvalue clears "
	    "a field.  rm names the deal and asks (without a terminal, "
	    "--yes).\nlist: ! marks a stalled deal (open, untouched past its "
	    "stage's stall days,\nor a follow-up on it overdue);\n--tsv prints id, title, organisation, "
	    "stage, value, currency, days in stage.\nkith log --deal and kith "
	    "follow --deal attach to a deal; every change is undone\nby kith "
	    "undo.  Unknown stage, role, currency, fee, a negative or "
	    "non-numeric\nvalue, or an ambiguous contact: exit 1, nothing "
	    "written." },
	{ "stage", cmd_stage, "list | add NAME [--kind "
	    KITH_STAGE_KIND_LIST(KITH_VOCAB_STR, KITH_VOCAB_BAR) "] "
	    "[--probability P] [--stall-days N]\n"
	    "         [--pos N] | rename NAME NEW | move NAME POS | set NAME "
	    "[--kind K]\n"
	    "         [--probability P] [--stall-days N] | rm NAME [--to STAGE]",
	    "the stages of the pipeline",
	    "Stages are ordered; each is open, won or lost, with a win "
	    "probability (percent,\nfor weighted totals) and the days after "
	    "which an untouched deal in it is\nstalled (default 30).  The "
	    "default stages are Interest, Negotiation, Won, Lost.\nadd puts an "
	    "open stage after the last open one, won or lost stages last\n"
	    "(--pos N puts it at position N).  rm refuses a stage that still "
	    "holds deals\nunless --to STAGE says where they go, and the last "
	    "open stage.  set --kind takes\nthe deals in the stage along: "
	    "made open they are open again, made won or lost\nthey are "
	    "closed as of the day they entered it." },
	{ "config", cmd_config, "deal-word [deal|matter] | user [NAME]",
	    "show or change a setting",
	    "deal-word: the word kith uses for deals in its messages, deal or "
	    "matter.\nuser: the name conflict checks are recorded under "
	    "($KITH_USER overrides it)." },
	{ "demo-load", cmd_demo_load, "FILE",
	    "load a demo address book file into the database", NULL },
	{ "report", cmd_report, "activity [--since DATE] [--until DATE] "
	    "[--format F] [--tsv] [-o FILE]\n"
	    "       kith report onepager ID|QUERY [--format F] [-o FILE]\n"
	    "       kith report status [--tag T] [--org O] [--format F] "
	    "[--tsv] [-o FILE]\n"
	    "       kith report cold [--tsv]",
	    "reports: one contact on a page, status, going cold, a period's "
	    "activity",
	    "F is text (the default), markdown, html or tsv.\n"
	    "onepager: who the person is (with strength and cadence), how we "
	    "know them\n(relationships both ways, who introduced them first, "
	    "the chain from you),\nopen follow-ups, deals with their role, "
	    "the latest interactions, key dates and\nthe notes; each list is "
	    "cut with \"... N more\" so that a typical contact fits one\n"
	    "printed page (--format html -o FILE, then print it from a "
	    "browser).\n"
	    "status: per contact, the strength, the cadence's state, the last "
	    "touch, the next\nstep and its day, the open deals and why it "
	    "needs attention; an overdue\nfollow-up first, then a cadence past "
	    "its maximum, a follow-up due today, a\ncadence due, then the "
	    "longest without a touch.\n"
	    "--tag and --org choose the contacts (by\ndefault: everyone with "
	    "an open follow-up or on an open deal).\n"
	    "cold: people quiet for more than twice their own median gap "
	    "between touches, or\npast the maximum of their cadence, largest "
	    "strength drop over 90 days first.\n--tsv prints id, name, last "
	    "touch, days since, median gap, strength, strength\n90 days ago, "
	    "drop and why (cooling, overdue).\n"
	    "activity: interactions by kind, person and organisation; "
	    "follow-ups created,\ndone and missed (due in the period before "
	    "today and not done by their day);\ncontacts added and merged; "
	    "deals opened, moved, won and lost; imports.  The\nperiod is "
	    "--since to --until, both included (default: from the first of "
	    "this\nmonth to today; dates as for kith follow, looking back).  "
	    "--format html writes\none self-contained page that prints on A4 "
	    "or Letter; --tsv (or --format tsv)\nprints each row as its "
	    "section's name and its cells.  -o FILE writes the\nreport there "
	    "instead of to standard output.  Rows come in a stable order,\n"
	    "and KITH_NOW fixes the day, so a report can be compared with "
	    "another." },
	{ "board", cmd_board, "",
	    "the full-screen interface, opened on the pipeline board",
	    "Starts kith on the pipeline board: one column per open stage "
	    "with its deals\nas cards (keys as on the board that p opens; q or "
	    "Esc goes to the rolodex).\nNeeds a terminal." },
	{ NULL, NULL, NULL, NULL, NULL }
};

/*
 * How each command uses the database.  Commands that only read may run on
 * a read-only database; only those that add data create a missing one.
 * Anything not listed changes a database that must exist.
 */
static const struct {
	const char	*name;
	enum cli_access	 access;
} accesses[] = {
	{ "init", CLI_CREATE }, { "add", CLI_CREATE },
	{ "add-email", CLI_CREATE }, { "query", CLI_READ },
	{ "import", CLI_CREATE }, { "demo-load", CLI_CREATE },
	{ "list", CLI_READ }, { "show", CLI_READ }, { "due", CLI_READ },
	{ "export", CLI_READ }, { "pipeline", CLI_READ },
	{ "board", CLI_READ }, { "report", CLI_READ },
	{ "backup", CLI_READ }, { "review", CLI_READ },
	{ "board", CLI_READ }, { "path", CLI_READ }, { "who", CLI_READ },
};

enum cli_access
cli_access(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof accesses / sizeof accesses[0]; i++)
		if (strcmp(accesses[i].name, name) == 0)
			return accesses[i].access;
	return CLI_CHANGE;
}

const struct cmd *
cli_find(const char *name)
{
	const struct cmd	*c;

	for (c = cli_cmds; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

void
cli_errorx(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	/* Messages quote what the user or a file gave: shown inert. */
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	out_textf(stderr, "kith: %s\n", msg);
	free(msg);
}

int
cli_getopt(int argc, char *const *argv, const char *shortopts,
    const struct option *longopts, int *longindex)
{
	const char	*arg, *eq;
	char		 spec[64], *p = spec;
	int		 ch;

	/* A leading ':' (after '+' or '-') tells a missing value apart. */
	if (*shortopts == '+' || *shortopts == '-')
		*p++ = *shortopts++;
	*p++ = ':';
	(void)snprintf(p, sizeof spec - (size_t)(p - spec), "%s", shortopts);
	opterr = 0;
	ch = getopt_long(argc, argv, spec, longopts, longindex);
	if (ch != '?' && ch != ':')
		return ch;
	arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	if (ch == ':')
		cli_errorx("option '%s' needs a value", arg);
	else if (strncmp(arg, "--", 2) != 0)
		cli_errorx("unknown option '-%c'", optopt);
	else if (optopt != 0 && (eq = strchr(arg, '=')) != NULL)
		cli_errorx("option '%.*s' takes no value", (int)(eq - arg),
		    arg);
	else
		cli_errorx("unknown option '%s'", arg);
	return '?';
}

void
cli_error(const struct kith_err *err)
{
	cli_errorx("%s", err->msg[0] ? err->msg : "unknown error");
}

int
cli_usage(const struct cmd *c)
{
	fprintf(stderr, "usage: kith %s %s\nTry 'kith %s --help'.\n",
	    c->name, c->usage, c->name);
	return EXIT_USAGE;
}

void
cli_help(const struct cmd *c)
{
	printf("usage: kith [--db PATH] %s %s\n\n%s.\n", c->name, c->usage,
	    c->help);
	if (c->details != NULL)
		printf("\n%s\n", c->details);
}

int
cli_open(struct cli *cli)
{
	struct kith_err	 err = { 0 };
	enum kith_status st;
	const char	*now;
	char		*path;
	time_t		 t;

	if (cli->db != NULL)
		return 1;
	path = cli->db_path ? xstrdup(cli->db_path) : kith_db_default_path();
	if (path == NULL) {
		cli_errorx("no database: set HOME, XDG_DATA_HOME or KITH_DB, "
		    "or give --db PATH");
		return 0;
	}
	st = kith_db_open_mode(path, cli->access == CLI_CREATE ?
	    KITH_DB_CREATE : KITH_DB_READ, &cli->db, &err);
	if (st == KITH_NOTFOUND && cli->access == CLI_TRY)
		st = kith_db_open(":memory:", &cli->db, &err);
	else if (st == KITH_NOTFOUND) {
		cli_errorx("no kith database at %s\n'kith init %s' creates an "
		    "empty one; kith add and kith import create it too.", path,
		    path);
		free(path);
		return 0;
	}
	if (st != KITH_OK) {
		cli_error(&err);
		free(path);
		return 0;
	}
	if (cli->access != CLI_READ && cli->access != CLI_TRY &&
	    kith_db_readonly(cli->db)) {
		cli_errorx("cannot change %s: it is read-only (the file, its "
		    "folder or its -wal/-shm files are not writable); nothing "
		    "was changed", path);
		kith_db_close(cli->db);
		cli->db = NULL;
		free(path);
		return 0;
	}
	free(path);
	if (!date_order_valid(now = getenv("KITH_DATE_ORDER"))) {
		cli_errorx("KITH_DATE_ORDER '%s': use mdy (numeric dates "
		    "month first) or dmy (day first), or unset it to follow "
		    "the locale", now);
		return 0;
	}
	if (!str_empty(now = getenv("KITH_NOW"))) {
		if ((t = time_parse(now)) == -1) {
			cli_errorx("KITH_NOW '%s': expected seconds since the "
			    "epoch or YYYY-MM-DD [HH:MM[:SS]]", now);
			return 0;
		}
		kith_db_set_now(cli->db, t);
	}
	return 1;
}

int
cli_flag_opts(struct cli *cli, const struct cmd *cmd, int argc, char **argv,
    const struct option *opts, int *flags)
{
	int	ch, idx;

	while ((ch = cli_getopt(argc, argv, "h", opts, &idx)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case CLI_OPT_DB:
			cli->db_path = optarg;
			break;
		case 0:
			flags[idx] = 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	return -1;
}

int
cli_parse_id(const char *s, const char *what, int64_t *id)
{
	char		*end;
	long long	 v;

	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v <= 0) {
		cli_errorx("%s '%s': expected a number, as shown by kith due "
		    "or kith show", what, s);
		return 0;
	}
	*id = v;
	return 1;
}

int
cli_resolve(struct cli *cli, const char *what, int64_t *id)
{
	return cli_resolve_opt(cli, NULL, what, id);
}

int
cli_resolve_opt(struct cli *cli, const char *opt, const char *what,
    int64_t *id)
{
	struct contact_ref	*cands = NULL;
	struct kith_err		 err = { 0 };
	enum kith_status	 st;
	size_t			 n = 0, i;

	st = contact_resolve(cli->db, what, id, &cands, &n, 10, &err);
	if (st == KITH_OK)
		return 1;
	if (opt != NULL)
		cli_errorx("%s: %s", opt, err.msg);
	else
		cli_error(&err);
	if (st == KITH_AMBIGUOUS) {
		for (i = 0; i < n; i++) {
			fprintf(stderr, "  %6lld  ", (long long)cands[i].id);
			out_text(stderr, cands[i].name);
			if (cands[i].org != NULL) {
				fputs(", ", stderr);
				out_text(stderr, cands[i].org);
			}
			if (cands[i].email != NULL) {
				fputs(" <", stderr);
				out_text(stderr, cands[i].email);
				fputc('>', stderr);
			}
			fputc('\n', stderr);
		}
		fprintf(stderr, "Give the id, or more of the name.\n");
	}
	contact_refs_free(cands, n);
	return 0;
}

void
out_text(FILE *fp, const char *s)
{
	char	*t;

	if (s == NULL)
		return;
	t = termsafe_str(s, 0);
	fputs(t, fp);
	free(t);
}

void
out_textf(FILE *fp, const char *fmt, ...)
{
	va_list	 ap;
	char	*s, *t;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	t = termsafe_str(s, TERMSAFE_LINES);
	fputs(t, fp);
	free(t);
	free(s);
}

void
out_tsv(FILE *fp, const char *s)
{
	out_text(fp, s);
}

int
text_width(const char *s)
{
	return termsafe_width(s, 0);
}

void
out_pad(FILE *fp, const char *s, int width)
{
	char	*t = termsafe_cut(s, width, 1, 0);

	fputs(t, fp);
	free(t);
}

static int
main_usage(FILE *fp)
{
	const struct cmd	*c;

	fprintf(fp, "usage: kith [--db PATH] [--demo] [COMMAND [ARGS]]\n\n"
	    "kith keeps contacts, relationships, interactions and follow-ups "
	    "in one SQLite file.\nWith no COMMAND it opens the full-screen "
	    "interface (without a terminal\nit prints what is due this "
	    "week).\n\n"
	    "Commands:\n");
	for (c = cli_cmds; c->name != NULL; c++)
		fprintf(fp, "  %-10s %s\n", c->name, c->help);
	fprintf(fp, "\nOptions:\n"
	    "  --db PATH  the database (default: $KITH_DB, else "
	    "$XDG_DATA_HOME/kith/kith.db,\n"
	    "             else ~/.local/share/kith/kith.db; created mode 0600)\n"
	    "  --demo     use a fresh demo address book instead "
	    "(in $XDG_CACHE_HOME/kith)\n"
	    "  --help     this text; kith COMMAND --help for one command\n"
	    "  --version  the version\n\n"
	    "Exit status: 0 ok, 1 bad input or not found, 2 usage.\n");
	return fp == stdout ? EXIT_OK : EXIT_USAGE;
}

/* Where the demo database lives, recreated on each --demo. */
static char *
demo_path(void)
{
	const char	*env;

	if (!str_empty(env = getenv("XDG_CACHE_HOME")))
		return xasprintf("%s/kith/demo.db", env);
	if (!str_empty(env = getenv("HOME")))
		return xasprintf("%s/.cache/kith/demo.db", env);
	return xstrdup("/tmp/kith-demo.db");
}

static const char *
demo_file(void)
{
	static const char *const cands[] = {
		KITH_SRC_DATADIR "/demo.kith", KITH_DATADIR "/demo.kith",
	};
	const char	*env;
	size_t		 i;

	if (!str_empty(env = getenv("KITH_DEMO_FILE")))
		return env;
	for (i = 0; i < sizeof cands / sizeof cands[0]; i++)
		if (access(cands[i], R_OK) == 0)
			return cands[i];
	return NULL;
}

/* Creates the demo database afresh, so its dates are relative to today. */
static int
open_demo(struct cli *cli)
{
	struct kith_err	 err = { 0 };
	const char	*file;
	char		*path, *side;
	int		 ok;

	if ((file = demo_file()) == NULL) {
		cli_errorx("the demo address book (demo.kith) is not installed; "
		    "set KITH_DEMO_FILE to its path");
		return 0;
	}
	path = demo_path();
	unlink(path);
	side = xasprintf("%s-wal", path);
	unlink(side);
	free(side);
	side = xasprintf("%s-shm", path);
	unlink(side);
	free(side);
	cli->db_path = cli->owned_path = path;
	cli->access = CLI_CREATE;
	ok = cli_open(cli);
	if (ok)
		cli_act_name(cli, "demo-load", "loaded the demo address book");
	if (ok && demo_load(cli->db, file, &err) != KITH_OK) {
		cli_error(&err);
		ok = 0;
	}
	return ok;
}

int
cmd_init(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, CLI_OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("init");
	struct stat		 st;
	char			*path;
	int			 rc, existed;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, NULL)) != -1)
		return rc;
	if (argc - optind > 1)
		return cli_usage(cmd);
	if (optind < argc)
		cli->db_path = argv[optind];
	path = cli->db_path ? xstrdup(cli->db_path) : kith_db_default_path();
	existed = path != NULL && stat(path, &st) == 0 && st.st_size > 0;
	free(path);
	cli->access = CLI_CREATE;
	if (!cli_open(cli))
		return EXIT_BAD;
	printf("%s %s\n", existed ? "kith database already at" :
	    "created an empty kith database at", kith_db_path(cli->db));
	return EXIT_OK;
}

int
cmd_demo_load(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, CLI_OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("demo-load");
	struct kith_err		 err = { 0 };
	int			 rc;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, NULL)) != -1)
		return rc;
	if (argc - optind != 1)
		return cli_usage(cmd);
	argv += optind;
	if (!cli_open(cli))
		return EXIT_BAD;
	cli_act_name(cli, "demo-load", "loaded %s", argv[0]);
	if (demo_load(cli->db, argv[0], &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	return EXIT_OK;
}

/*
 * Plain "kith": the full-screen interface (src/tui) on a terminal; without
 * one (a pipe, cron), what is due in the coming week.
 */
static int
run_overview(struct cli *cli)
{
	int	 tui_run(struct kith_db *);	/* src/tui/tui.h */
	char	*argv[] = { "due", "--days", "7", NULL };

	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return tui_run(cli->db);
	optind = 0;
	return cmd_due(cli, 3, argv);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, 'D' },
		{ "demo",	no_argument,		NULL, 'd' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli		 cli = { "kith", NULL, NULL, NULL, CLI_READ };
	const struct cmd	*c;
	int			 ch, demo = 0, rc;

	setlocale(LC_ALL, "");
	/* One write per message, not one per fprintf (imports report a lot). */
	setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
	/* Data is UTF-8 whatever the environment says. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");

	/* '+': stop at the subcommand, whose options are its own. */
	while ((ch = cli_getopt(argc, argv, "+h", opts, NULL)) != -1) {
		switch (ch) {
		case 'D':
			cli.db_path = optarg;
			break;
		case 'd':
			demo = 1;
			break;
		case 'h':
			return main_usage(stdout);
		case 'V':
			printf("kith %s\n", KITH_VERSION);
			return EXIT_OK;
		default:
			return main_usage(stderr);
		}
	}
	argc -= optind;
	argv += optind;
	if (demo && !open_demo(&cli)) {
		kith_db_close(cli.db);
		free(cli.owned_path);
		return EXIT_BAD;
	}

	if (argc == 0) {
		cli.access = CLI_READ;	/* the TUI reports a failed write */
		if (!cli_open(&cli))
			return EXIT_BAD;
		rc = run_overview(&cli);
	} else if ((c = cli_find(argv[0])) == NULL) {
		cli_errorx("unknown command '%s'; kith --help lists them",
		    argv[0]);
		rc = EXIT_USAGE;
	} else {
		optind = 0;	/* glibc: start afresh for the subcommand */
		if (cli.db == NULL)
			cli.access = cli_access(c->name);
		rc = c->run(&cli, argc, argv);
	}
	kith_db_close(cli.db);
	free(cli.owned_path);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_errorx("writing the output failed");
		return EXIT_BAD;
	}
	return rc;
}
