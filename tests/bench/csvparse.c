/* SPDX-License-Identifier: MIT */
/*
 * kith-bench-csvparse: parses a CSV file with libcsv and does nothing else,
 * the floor under any import of it (tests/bench/bench_import.sh).
 *
 *	kith-bench-csvparse FILE
 *
 * The file is read in 64 KiB blocks, as src/core/csvio.c reads it, and
 * parsed with the options kith uses (CSV_STRICT | CSV_STRICT_FINI); the
 * callbacks only count.  Prints "records N", "fields N", "bytes N" and
 * "seconds S" (the parse alone, without process start-up) to stdout.
 * Records include the header.  Memory is one block plus libcsv's field
 * buffer, whatever the file's size.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <csv.h>

#define BLOCK	(64 * 1024)

struct counts {
	unsigned long long	 records;
	unsigned long long	 fields;
};

static void	on_field(void *, size_t, void *);
static void	on_record(int, void *);

static void
on_field(void *data, size_t len, void *arg)
{
	struct counts	*n = arg;

	n->fields++;
}

static void
on_record(int term, void *arg)
{
	struct counts	*n = arg;

	n->records++;
}

int
main(int argc, char **argv)
{
	static char		 buf[BLOCK];
	struct csv_parser	 p;
	struct counts		 n = { 0, 0 };
	struct timespec		 t0, t1;
	FILE			*fp;
	unsigned long long	 bytes = 0;
	size_t			 got;

	if (argc != 2) {
		fprintf(stderr, "usage: kith-bench-csvparse FILE\n");
		return 2;
	}
	if ((fp = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "kith-bench-csvparse: %s: %s\n", argv[1],
		    strerror(errno));
		return 1;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		fprintf(stderr, "kith-bench-csvparse: csv_init failed\n");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while ((got = fread(buf, 1, sizeof buf, fp)) > 0) {
		bytes += got;
		if (csv_parse(&p, buf, got, on_field, on_record, &n) != got) {
			fprintf(stderr, "kith-bench-csvparse: %s: %s\n",
			    argv[1], csv_strerror(csv_error(&p)));
			return 1;
		}
	}
	if (ferror(fp) || csv_fini(&p, on_field, on_record, &n) != 0) {
		fprintf(stderr, "kith-bench-csvparse: %s: cannot read it to "
		    "the end\n", argv[1]);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	csv_free(&p);
	fclose(fp);
	printf("records %llu\nfields %llu\nbytes %llu\nseconds %.3f\n",
	    n.records, n.fields, bytes, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
