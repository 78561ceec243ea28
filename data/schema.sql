-- SPDX-License-Identifier: MIT
-- kith schema, version 1.  Compiled into the binary; applied to a new
-- database in one transaction by kith_db_open(), which then sets
-- PRAGMA user_version = 1.  Later versions add migrations in db.c, never
-- edit this file's meaning for existing databases.
--
-- Conventions: text is NFC UTF-8; calendar dates are 'YYYY-MM-DD' in the
-- user's local time zone; instants (created, updated, done_at) are seconds
-- since the epoch.  *_fold columns hold the folded search form (text.h),
-- sort_key an ICU collation key compared with memcmp.

CREATE TABLE meta (
	key		TEXT PRIMARY KEY,
	value		TEXT
) WITHOUT ROWID;

CREATE TABLE import_batch (
	id		INTEGER PRIMARY KEY,
	file		TEXT NOT NULL,
	format		TEXT,
	started		INTEGER NOT NULL,
	finished	INTEGER,
	n_read		INTEGER NOT NULL DEFAULT 0,
	n_added		INTEGER NOT NULL DEFAULT 0,
	n_merged	INTEGER NOT NULL DEFAULT 0,
	n_rejected	INTEGER NOT NULL DEFAULT 0,
	undone		INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE org (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL,
	name_fold	TEXT NOT NULL UNIQUE,
	notes		TEXT,
	created		INTEGER NOT NULL
);

CREATE TABLE contact (
	id		INTEGER PRIMARY KEY,
	display		TEXT NOT NULL,
	prefix		TEXT,
	given		TEXT,
	middle		TEXT,
	family		TEXT,
	suffix		TEXT,
	nickname	TEXT,
	org_id		INTEGER REFERENCES org(id) ON DELETE SET NULL,
	title		TEXT,
	birthday	TEXT,
	notes		TEXT,
	source		TEXT,
	cadence_days	INTEGER NOT NULL DEFAULT 0,
	batch_id	INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
	name_fold	TEXT NOT NULL,
	sort_key	BLOB NOT NULL,
	archived	INTEGER NOT NULL DEFAULT 0,
	created		INTEGER NOT NULL,
	updated		INTEGER NOT NULL
);
CREATE INDEX contact_by_sort ON contact(sort_key, id);
CREATE INDEX contact_by_fold ON contact(name_fold);
CREATE INDEX contact_by_org ON contact(org_id);
CREATE INDEX contact_by_batch ON contact(batch_id) WHERE batch_id IS NOT NULL;

CREATE TABLE email (
	id		INTEGER PRIMARY KEY,
	contact_id	INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
	pos		INTEGER NOT NULL,
	addr		TEXT NOT NULL,
	addr_norm	TEXT NOT NULL,
	label		TEXT
);
CREATE INDEX email_by_contact ON email(contact_id, pos);
CREATE INDEX email_by_norm ON email(addr_norm);

CREATE TABLE phone (
	id		INTEGER PRIMARY KEY,
	contact_id	INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
	pos		INTEGER NOT NULL,
	raw		TEXT NOT NULL,
	norm		TEXT NOT NULL,
	label		TEXT
);
CREATE INDEX phone_by_contact ON phone(contact_id, pos);
CREATE INDEX phone_by_norm ON phone(norm);

CREATE TABLE address (
	id		INTEGER PRIMARY KEY,
	contact_id	INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
	pos		INTEGER NOT NULL,
	label		TEXT,
	street		TEXT,
	city		TEXT,
	region		TEXT,
	postcode	TEXT,
	country		TEXT
);
CREATE INDEX address_by_contact ON address(contact_id, pos);

CREATE TABLE url (
	id		INTEGER PRIMARY KEY,
	contact_id	INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
	pos		INTEGER NOT NULL,
	url		TEXT NOT NULL,
	label		TEXT
);
CREATE INDEX url_by_contact ON url(contact_id, pos);

-- Imported columns that map to no kith field, kept so nothing is lost.
CREATE TABLE custom_field (
	id		INTEGER PRIMARY KEY,
	contact_id	INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
	pos		INTEGER NOT NULL,
	key		TEXT NOT NULL,
	value		TEXT NOT NULL
);
CREATE INDEX custom_by_contact ON custom_field(contact_id, pos);

CREATE TABLE tag (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE contact_tag (
	contact_id	INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
	tag_id		INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
	PRIMARY KEY (contact_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX contact_tag_by_tag ON contact_tag(tag_id, contact_id);

-- A link (a, b, kind) reads "a is <name> b" and "b <inverse> a".
CREATE TABLE rel_kind (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE COLLATE NOCASE,
	inverse		TEXT NOT NULL COLLATE NOCASE
);
INSERT INTO rel_kind (name, inverse) VALUES
	('spouse', 'spouse'),
	('partner', 'partner'),
	('family', 'family'),
	('friend', 'friend'),
	('colleague', 'colleague'),
	('opposing counsel', 'opposing counsel'),
	('assistant of', 'has assistant'),
	('reports to', 'manages'),
	('referred by', 'referred'),
	('parent of', 'child of'),
	('sibling of', 'sibling of'),
	('mentor of', 'mentee of'),
	('client of', 'adviser to'),
	('introduced by', 'introduced');

CREATE TABLE relation (
	id		INTEGER PRIMARY KEY,
	a		INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
	b		INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
	kind_id		INTEGER NOT NULL REFERENCES rel_kind(id),
	note		TEXT,
	since		TEXT,
	created		INTEGER NOT NULL,
	UNIQUE (a, b, kind_id),
	CHECK (a <> b)
);
CREATE INDEX relation_by_b ON relation(b);

CREATE TABLE interaction (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN
			    ('call', 'meeting', 'email', 'note', 'event')),
	at		TEXT NOT NULL,
	summary		TEXT NOT NULL,
	body		TEXT,
	created		INTEGER NOT NULL
);

CREATE TABLE interaction_contact (
	interaction_id	INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
	contact_id	INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
	at		TEXT NOT NULL,	-- copy of interaction.at, for the index
	PRIMARY KEY (contact_id, at, interaction_id)
) WITHOUT ROWID;
CREATE INDEX interaction_contact_by_int ON interaction_contact(interaction_id);

CREATE TABLE stage (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE COLLATE NOCASE,
	pos		INTEGER NOT NULL,
	closed		INTEGER NOT NULL DEFAULT 0
);
INSERT INTO stage (name, pos, closed) VALUES
	('Interest', 1, 0), ('Negotiation', 2, 0), ('Won', 3, 1), ('Lost', 4, 1);

CREATE TABLE deal (
	id		INTEGER PRIMARY KEY,
	title		TEXT NOT NULL,
	stage_id	INTEGER NOT NULL REFERENCES stage(id),
	value_cents	INTEGER,
	currency	TEXT,
	expected_close	TEXT,
	org_id		INTEGER REFERENCES org(id) ON DELETE SET NULL,
	notes		TEXT,
	created		INTEGER NOT NULL,
	updated		INTEGER NOT NULL
);

CREATE TABLE deal_contact (
	deal_id		INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
	contact_id	INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
	role		TEXT,
	PRIMARY KEY (deal_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX deal_contact_by_contact ON deal_contact(contact_id);

CREATE TABLE deal_stage_history (
	id		INTEGER PRIMARY KEY,
	deal_id		INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
	stage_id	INTEGER NOT NULL REFERENCES stage(id),
	at		INTEGER NOT NULL
);
CREATE INDEX deal_stage_history_by_deal ON deal_stage_history(deal_id, at);

CREATE TABLE followup (
	id		INTEGER PRIMARY KEY,
	contact_id	INTEGER REFERENCES contact(id) ON DELETE CASCADE,
	deal_id		INTEGER REFERENCES deal(id) ON DELETE CASCADE,
	action		TEXT NOT NULL,
	due		TEXT NOT NULL,
	done_at		INTEGER,
	snoozes		INTEGER NOT NULL DEFAULT 0,
	recur		TEXT,
	created		INTEGER NOT NULL
);
-- Only pending follow-ups are indexed by day: "what is due" never walks
-- the (much longer) history of done ones.
CREATE INDEX followup_pending ON followup(due, id) WHERE done_at IS NULL;
CREATE INDEX followup_by_contact ON followup(contact_id, due);

-- Search index over folded text (text.h), one row per contact, rowid =
-- contact id.  Maintained by the core (search_reindex), not by triggers,
-- since folding needs ICU.
CREATE VIRTUAL TABLE contact_fts USING fts5(
	name, org, email, phone, tag, note,
	prefix = '2 3',
	tokenize = 'unicode61 remove_diacritics 2'
);
