/* SPDX-License-Identifier: MIT */
/*
 * Vocabularies that the core, the command line's help and the TUI's
 * pickers share, each written once here as an X-macro list.  LIST(X, SEP)
 * applies X to every name and puts SEP between them, so one list makes an
 * array (SEP KITH_VOCAB_COMMA), a help string ("call|meeting|...", SEP
 * KITH_VOCAB_BAR) or an enum at compile time.
 *
 * The schema (data/schema.sql) repeats the interaction kinds in a CHECK
 * constraint, which SQL cannot take from here; tests/unit/test_vocab.c
 * checks that the two agree.
 */
#ifndef KITH_VOCAB_H
#define KITH_VOCAB_H

#define KITH_VOCAB_STR(name)	#name
#define KITH_VOCAB_COMMA	,
#define KITH_VOCAB_BAR		"|"
#define KITH_VOCAB_LIST		", "

/* Interaction kinds, in the order pickers offer them. */
#define KITH_INTERACTION_KIND_LIST(X, SEP)				\
	X(call) SEP X(meeting) SEP X(email) SEP X(note) SEP X(event)

#define KITH_VOCAB_KIND_ENUM(name)	KITH_KIND_##name
enum kith_interaction_kind {
	KITH_INTERACTION_KIND_LIST(KITH_VOCAB_KIND_ENUM, KITH_VOCAB_COMMA),
	KITH_INTERACTION_KIND_COUNT
};

/* The kind `kith log` records when none is given. */
#define KITH_INTERACTION_KIND_DEFAULT	"note"

/* Kinds of pipeline stage (stage.h): still open, closed won, closed lost. */
#define KITH_STAGE_KIND_LIST(X, SEP)					\
	X(open) SEP X(won) SEP X(lost)

#define KITH_VOCAB_STAGE_ENUM(name)	KITH_STAGE_##name
enum kith_stage_kind {
	KITH_STAGE_KIND_LIST(KITH_VOCAB_STAGE_ENUM, KITH_VOCAB_COMMA),
	KITH_STAGE_KIND_COUNT
};

/* Fee arrangements of a deal or matter (deal.h), stored by name. */
#define KITH_FEE_LIST(X, SEP)						\
	X(hourly) SEP X(fixed) SEP X(contingency) SEP X(retainer) SEP X(other)

#define KITH_VOCAB_FEE_ENUM(name)	KITH_FEE_##name
enum kith_fee {
	KITH_FEE_LIST(KITH_VOCAB_FEE_ENUM, KITH_VOCAB_COMMA),
	KITH_FEE_COUNT
};

#endif
