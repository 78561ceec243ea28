/* SPDX-License-Identifier: MIT */
/*
 * The memory SQLite keeps database pages in.  A command that reads a
 * thousand pages of a big book spends more on the kernel handing it a
 * thousand fresh 4 KiB pages of memory, one fault each, than on reading
 * them (12 us a fault on a virtual machine: a review at a million
 * contacts lost a third of its time to them).  So where the kernel offers
 * transparent huge pages, the page cache gets a region of its own, set up
 * once before SQLite starts, made of a few 2 MiB pages: three faults
 * instead of fifteen hundred.  SQLite touches the whole region when it
 * starts, so without huge pages there is no region (the faults would come
 * first, for every command); pages beyond it come from malloc.
 */
#define _DEFAULT_SOURCE		/* MAP_ANONYMOUS, MADV_HUGEPAGE */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <sqlite3.h>

#include "internal.h"

#define HUGE_PAGE	((size_t)2 << 20)
#define REGION		((size_t)6 << 20)	/* a review's pages at 1M */
#define PAGE_BYTES	4096		/* kith's page size (SQLite's default) */
#define THP_MODE	"/sys/kernel/mm/transparent_hugepage/enabled"

static int	 huge_pages_offered(void);

/* Whether the kernel gives huge pages to a region that asks ("always"
 * or "madvise" chosen, not "never"). */
static int
huge_pages_offered(void)
{
	FILE	*f;
	char	 line[128];
	int	 ok;

	if ((f = fopen(THP_MODE, "re")) == NULL)
		return 0;
	ok = fgets(line, sizeof line, f) != NULL &&
	    strstr(line, "[never]") == NULL;
	fclose(f);
	return ok;
}

void
db_pagecache_init(void)
{
	static int	 done;
	size_t		 slot;
	uintptr_t	 at;
	void		*map;
	int		 hdr = 0;

	if (done)
		return;
	done = 1;
	/*
	 * No count of SQLite's memory (kith never asks for it): counting
	 * takes a lock on every allocation, which the two handles of an
	 * import's search index (search_fill.c) would contend for.
	 */
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (!huge_pages_offered() ||
	    sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &hdr) != SQLITE_OK)
		return;
	/* SQLite wants each slot 8-byte aligned. */
	slot = ((size_t)PAGE_BYTES + (size_t)hdr + 7) & ~(size_t)7;
	map = mmap(NULL, REGION + HUGE_PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return;
	at = ((uintptr_t)map + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	/* Fails once SQLite has started: then pages come from malloc. */
	if (madvise((void *)at, REGION, MADV_HUGEPAGE) != 0 ||
	    sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)at, (int)slot,
	    (int)(REGION / slot)) != SQLITE_OK)
		(void)munmap(map, REGION + HUGE_PAGE);
}
