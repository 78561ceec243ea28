/* SPDX-License-Identifier: MIT */
/*
 * The dated items of ics_collect() as one iCalendar file, built and
 * written by libical (which escapes the text and folds long lines).  This
 * file is built apart from the rest of the core (libkith_ics) so that
 * only kith links libical.
 */
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "kith/db.h"
#include "kith/ics.h"
#include "kith/util.h"

static struct icaltimetype	 ical_date(const char *, const char *);
static icalcomponent		*ical_item(const struct ics_item *,
				    struct icaltimetype);

/* The date YYYY-MM-DD, with the local time HH:MM if tm is not empty. */
static struct icaltimetype
ical_date(const char *date, const char *tm)
{
	struct icaltimetype	t = icaltime_null_date();

	t.year = atoi(date);
	t.month = atoi(date + 5);
	t.day = atoi(date + 8);
	if (tm != NULL && tm[0] != '\0') {
		t.is_date = 0;
		t.hour = atoi(tm);
		t.minute = atoi(tm + 3);
		t.second = 0;
	}
	return t;
}

static icalcomponent *
ical_item(const struct ics_item *it, struct icaltimetype stamp)
{
	struct icalrecurrencetype	 rule;
	icalcomponent			*c;
	icalproperty			*p;

	if (it->kind == ICS_TODO) {
		c = icalcomponent_new(ICAL_VTODO_COMPONENT);
		icalcomponent_add_property(c, icalproperty_new_uid(it->uid));
		icalcomponent_add_property(c, icalproperty_new_dtstamp(stamp));
		p = icalproperty_new_due(ical_date(it->date, it->time));
		if (it->time[0] == '\0')
			icalproperty_add_parameter(p,
			    icalparameter_new_value(ICAL_VALUE_DATE));
		icalcomponent_add_property(c, p);
		icalcomponent_add_property(c,
		    icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
		if (it->priority > 0)
			icalcomponent_add_property(c,
			    icalproperty_new_priority(it->priority));
	} else {
		c = icalcomponent_new(ICAL_VEVENT_COMPONENT);
		icalcomponent_add_property(c, icalproperty_new_uid(it->uid));
		icalcomponent_add_property(c, icalproperty_new_dtstamp(stamp));
		p = icalproperty_new_dtstart(ical_date(it->date, NULL));
		icalproperty_add_parameter(p,
		    icalparameter_new_value(ICAL_VALUE_DATE));
		icalcomponent_add_property(c, p);
		/* 29 February falls on the 28th in other years. */
		rule = icalrecurrencetype_from_string(
		    strcmp(it->date + 5, "02-29") == 0 ?
		    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "FREQ=YEARLY");
		icalcomponent_add_property(c, icalproperty_new_rrule(rule));
		icalcomponent_add_property(c,
		    icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	}
	icalcomponent_add_property(c, icalproperty_new_summary(it->summary));
	icalcomponent_add_property(c,
	    icalproperty_new_description(it->description));
	return c;
}

enum kith_status
ics_write(struct kith_db *db, FILE *fp, unsigned what, long *count,
    struct kith_err *err)
{
	struct ics_item		*items = NULL;
	struct icaltimetype	 stamp;
	icalcomponent		*cal;
	enum kith_status	 st;
	size_t			 n = 0, i;
	char			*text;

	if (count != NULL)
		*count = 0;
	if ((st = ics_collect(db, what, &items, &n, err)) != KITH_OK)
		return st;
	stamp = icaltime_from_timet_with_zone(kith_db_now(db), 0,
	    icaltimezone_get_utc_timezone());
	cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(cal,
	    icalproperty_new_prodid("-//kith//kith " KITH_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	for (i = 0; i < n; i++)
		icalcomponent_add_component(cal, ical_item(&items[i], stamp));
	text = icalcomponent_as_ical_string_r(cal);
	if (text == NULL || fputs(text, fp) == EOF || fflush(fp) != 0)
		st = kith_err_set(err, KITH_IO, "writing the calendar failed");
	else if (count != NULL)
		*count = (long)n;
	icalmemory_free_buffer(text);
	icalcomponent_free(cal);
	ics_items_free(items, n);
	return st;
}
