// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: what the debugfs files print, from a snapshot built by hand (the
 * seed's host: 64 KiB pages, two nodes, an i40e port of 119 queues x 4096
 * descriptors), checked the way a parser would read it.
 */
#include <kunit/test.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include "nicmem.h"

#define SEED_PAGES	(119ULL * 4096)
#define SEED_BYTES	(SEED_PAGES * 65536)

static struct nicmem_snapshot *fake_snapshot(struct kunit *test)
{
	struct nicmem_snapshot *snap = kunit_kzalloc(test, sizeof(*snap),
						     GFP_KERNEL);
	struct nicmem_census *c;
	struct nicmem_iface *ifi;

	KUNIT_ASSERT_NOT_NULL(test, snap);
	snap->page_size = 65536;
	snap->taken_ns = ktime_get_ns();
	snap->taken_real = 1700000000;
	c = &snap->census;
	c->nr_nodes = 2;
	c->node = kunit_kcalloc(test, 2, sizeof(*c->node), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c->node);
	c->node[0].nid = 0;
	c->node[1].nid = 1;
	c->node[0].cls[NICMEM_FREE] = (struct nicmem_class_count){ 29, 3 };
	c->node[0].cls[NICMEM_HUGETLB] =
		(struct nicmem_class_count){ 7651328, 14944 };
	c->node[0].cls[NICMEM_PINNED] =
		(struct nicmem_class_count){ SEED_PAGES, SEED_PAGES };
	c->node[1].cls[NICMEM_SLAB] = (struct nicmem_class_count){ 20234, 9000 };
	c->node[1].cls[NICMEM_RESERVED] = (struct nicmem_class_count){ 100, 100 };
	c->hist[16] = SEED_PAGES;
	c->hist[1] = 5000;
	c->threshold = 1024;
	c->mem_total = 8362460;
	c->mem_free = 29;
	c->duration_ns = 123456789;
	c->pfns_walked = 8400000;

	snap->ifaces.nr = 3;
	snap->ifaces.total = 3;
	snap->ifaces.if_ = kunit_kcalloc(test, 3, sizeof(*ifi), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, snap->ifaces.if_);
	ifi = &snap->ifaces.if_[0];
	*ifi = (struct nicmem_iface){
		.netns = 4026531840U, .ifindex = 2, .name = "enP2p1s0f0",
		.driver = "i40e", .bus = "0002:01:00.0", .numa_node = 0,
		.mtu = 1500, .operstate = IF_OPER_UP, .rx_queues = 119, .channels = 119,
		.ring_cur = 4096, .ring_max = 4096,
		.source = NICMEM_RX_ESTIMATE, .page_order = 0,
		.rx_pages = SEED_PAGES, .rx_bytes = SEED_BYTES,
		.note = "order0_page_per_desc",
	};
	ifi = &snap->ifaces.if_[1];
	*ifi = (struct nicmem_iface){
		.netns = 4026532000U, .ifindex = 7, .name = "odd\"n\\x",
		.driver = "virtual", .bus = "-", .numa_node = NUMA_NO_NODE,
		.mtu = 1500, .rx_queues = 1, .note = "no_adaptor",
	};
	ifi = &snap->ifaces.if_[2];
	*ifi = (struct nicmem_iface){
		.netns = 4026531840U, .ifindex = 1, .name = "lo",
		.driver = "virtual", .bus = "-", .numa_node = NUMA_NO_NODE,
		.mtu = 65536, .operstate = IF_OPER_UNKNOWN, .rx_queues = 1, .note = "no_adaptor",
	};
	/* two CPUs' page_frag caches, one holding a (64 KiB) page: pinned */
	snap->frag = (struct nicmem_frag){
		.caches = 4, .with_page = 1, .pages = 1, .pinned = 1,
	};
	return snap;
}

static char *render(struct kunit *test, int (*show)(struct seq_file *, void *),
		    struct nicmem_snapshot *snap)
{
	struct seq_file m = {};

	m.size = 1 << 16;
	m.buf = kunit_kzalloc(test, m.size + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	m.private = snap;
	KUNIT_ASSERT_EQ(test, show(&m, NULL), 0);
	KUNIT_ASSERT_LT(test, m.count, m.size);	/* did not overflow */
	m.buf[m.count] = '\0';
	return m.buf;
}

/* the next line of *@p, NUL-terminated in place, or NULL at the end */
static char *next_line(char **p)
{
	char *line = *p, *nl;

	if (!line || !*line)
		return NULL;
	nl = strchr(line, '\n');
	if (nl) {
		*nl = '\0';
		*p = nl + 1;
	} else {
		*p = NULL;
	}
	return line;
}

/* split on blanks into at most @max tokens */
static int tokens(char *line, char **tok, int max)
{
	int n = 0;
	char *t;

	while ((t = strsep(&line, " \t")) != NULL) {
		if (!*t)
			continue;
		if (n == max)
			return -1;
		tok[n++] = t;
	}
	return n;
}

/* what numfmt --from=none accepts: an optional sign and digits */
static bool plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit(*s))
			return false;
	return true;
}

static void format_version_lines(struct kunit *test)
{
	struct nicmem_snapshot *snap = fake_snapshot(test);

	KUNIT_EXPECT_TRUE(test, str_has_prefix(render(test, nicmem_summary_show, snap),
					       "nicmem - version: 1\n"));
	KUNIT_EXPECT_TRUE(test, str_has_prefix(render(test, nicmem_census_show, snap),
					       "nicmem - version: 1\n#node "));
	KUNIT_EXPECT_TRUE(test, str_has_prefix(render(test, nicmem_interfaces_show, snap),
					       "nicmem - version: 1\n#netns "));
	KUNIT_EXPECT_TRUE(test, str_has_prefix(render(test, nicmem_histogram_show, snap),
					       "nicmem - version: 1\n"));
	KUNIT_EXPECT_TRUE(test, str_has_prefix(render(test, nicmem_metrics_show, snap),
					       "# nicmem - version: 1\n"));
}

/* the next line of *@p is @want */
static void expect_line(struct kunit *test, char **p, const char *want)
{
	char *line = next_line(p);

	KUNIT_ASSERT_NOT_NULL(test, line);
	KUNIT_EXPECT_STREQ(test, line, want);
}

static void format_verdict(struct kunit *test)
{
	char *p = render(test, nicmem_summary_show, fake_snapshot(test));
	char *line;

	next_line(&p);
	expect_line(test, &p,
		    "verdict: NIC RX rings hold 31943819264 bytes (29.7GiB, 5.82% of MemTotal; exact on 0, page_pool on 0 and estimate on 1 of 3 interfaces); pinned-signature pages hold 31943819264 bytes (29.7GiB, 5.82% of MemTotal; 487424 pages, refcount >= 1024; 0 in walked rings, 487423 unattributed, 1 in page_frag caches)");
	/*
	 * The seeds' host: 5.82% of MemTotal, but 68.54% of the 43.4 GiB
	 * (711,132 pages of 64 KiB) left outside its 467 GiB of hugepages.
	 * The module runs with the default severity_pct (20,40).
	 */
	expect_line(test, &p,
		    "severity: CRIT (NIC RX rings hold 68.54% of the 43.4GiB outside hugepages; WARN above 20%, CRIT above 40%)");
	expect_line(test, &p,
		    "top: 1 enP2p1s0f0 31943819264 bytes (29.7GiB) source estimate driver i40e rxq 119 ring 4096 order 0 numa 0 netns 4026531840");
	/* the other two hold nothing: no top line for them */
	line = next_line(&p);
	KUNIT_ASSERT_NOT_NULL(test, line);
	KUNIT_EXPECT_TRUE(test, str_has_prefix(line, "scan: "));
	expect_line(test, &p,
		    "page_frag: caches 4 unreadable 0 with_page 1 pages 1 pinned 1 source btf_percpu");
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcmp(s + n - k, suffix);
}

/*
 * The pinned-signature split: the rings' pages first, then the page_frag
 * caches' (each a sample of its own, capped at what the census counted),
 * the rest unattributed; caches that could not be placed say why.
 */
static void format_pinned_split(struct kunit *test)
{
	static const char capped[] =
		"; 0 in walked rings, 0 unattributed, 487424 in page_frag caches)";
	static const char unplaced[] =
		"; 0 in walked rings, 487424 unattributed, 0 in page_frag caches)";
	struct nicmem_snapshot *snap = fake_snapshot(test);
	char *p, *line;

	snap->frag.pinned = SEED_PAGES + 5;
	p = render(test, nicmem_summary_show, snap);
	next_line(&p);
	line = next_line(&p);
	KUNIT_ASSERT_NOT_NULL(test, line);
	KUNIT_EXPECT_TRUE(test, ends_with(line, capped));

	snap->frag = (struct nicmem_frag){ .err = -ENOENT, .why = "no_vmlinux_btf" };
	p = render(test, nicmem_summary_show, snap);
	next_line(&p);
	line = next_line(&p);
	KUNIT_ASSERT_NOT_NULL(test, line);
	KUNIT_EXPECT_TRUE(test, ends_with(line, unplaced));
	next_line(&p);	/* severity */
	next_line(&p);	/* top */
	line = next_line(&p);
	KUNIT_ASSERT_NOT_NULL(test, line);
	KUNIT_EXPECT_TRUE(test, str_has_prefix(line, "scan: "));
	expect_line(test, &p,
		    "page_frag: caches 0 unreadable 0 with_page 0 pages 0 pinned 0 source no_vmlinux_btf");
}

/* The severity's edges: WARN and CRIT just above their shares (20, 40%) */
static void format_severity_edges(struct kunit *test)
{
	static const struct {
		u64 rx_pages;
		const char *want;
	} cases[] = {
		{ 0, "severity: OK (NIC RX rings hold 0.00% of" },
		{ 142226, "severity: OK (NIC RX rings hold 19.99% of" },
		{ 142227, "severity: WARN (NIC RX rings hold 20.00% of" },
		{ 284452, "severity: WARN (NIC RX rings hold 39.99% of" },
		{ 284453, "severity: CRIT (NIC RX rings hold 40.00% of" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct nicmem_snapshot *snap = fake_snapshot(test);
		struct nicmem_iface *ifi = &snap->ifaces.if_[0];
		char *p, *line;

		/* 711,132 pages outside hugepages (format_verdict) */
		ifi->rx_pages = cases[i].rx_pages;
		ifi->rx_bytes = cases[i].rx_pages * snap->page_size;
		p = render(test, nicmem_summary_show, snap);
		next_line(&p);
		next_line(&p);
		line = next_line(&p);
		KUNIT_ASSERT_NOT_NULL(test, line);
		KUNIT_EXPECT_TRUE_MSG(test, str_has_prefix(line, cases[i].want),
				      "%llu pages: %s", cases[i].rx_pages, line);
	}
}

/* The interfaces by the bytes they hold, ties in walk order */
static void format_ranked(struct kunit *test)
{
	struct nicmem_snapshot *snap = fake_snapshot(test);
	struct nicmem_iface *lo = &snap->ifaces.if_[2];
	char *text, *a, *b, *c;

	lo->source = NICMEM_RX_EXACT;
	lo->rx_pages = SEED_PAGES + 1;
	lo->rx_bytes = lo->rx_pages * snap->page_size;
	KUNIT_ASSERT_EQ(test, nicmem_ifaces_rank(&snap->ifaces), 0);
	KUNIT_ASSERT_NOT_NULL(test, snap->ifaces.by_bytes);
	KUNIT_EXPECT_EQ(test, snap->ifaces.by_bytes[0], 2U);
	KUNIT_EXPECT_EQ(test, snap->ifaces.by_bytes[1], 0U);
	KUNIT_EXPECT_EQ(test, snap->ifaces.by_bytes[2], 1U);
	text = render(test, nicmem_interfaces_show, snap);
	a = strstr(text, " lo ");
	b = strstr(text, " enP2p1s0f0 ");
	c = strstr(text, " odd\"n\\x ");
	KUNIT_EXPECT_TRUE(test, a && b && c && a < b && b < c);
	text = render(test, nicmem_summary_show, snap);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\ntop: 1 lo "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\ntop: 2 enP2p1s0f0 "));
	KUNIT_EXPECT_NULL(test, strstr(text, "\ntop: 3 "));
	kvfree(snap->ifaces.by_bytes);
}

/* a numeric column's field: a plain number, "-" (none) or "inf" */
static bool numeric_field(const char *t)
{
	return plain_number(t) || !strcmp(t, "-") || !strcmp(t, "inf");
}

/* every table: a '#' header, then rows with as many fields, all numeric
 * where the header says so
 */
static void check_table(struct kunit *test, char *text, int fields,
			const bool *numeric, int *rows)
{
	char *tok[32], *line;
	int n, i;

	*rows = 0;
	next_line(&text);			/* version */
	line = next_line(&text);
	KUNIT_ASSERT_NOT_NULL(test, line);
	while (line && line[0] == '#' && line[1] == ' ')
		line = next_line(&text);	/* comments */
	KUNIT_ASSERT_NOT_NULL(test, line);
	KUNIT_ASSERT_EQ(test, line[0], '#');
	KUNIT_EXPECT_EQ(test, tokens(line + 1, tok, 32), fields);
	while ((line = next_line(&text)) && *line) {	/* to a blank line */
		n = tokens(line, tok, 32);
		KUNIT_ASSERT_EQ_MSG(test, n, fields, "row %d", *rows);
		for (i = 0; i < n; i++)
			if (numeric[i])
				KUNIT_EXPECT_TRUE_MSG(test, numeric_field(tok[i]),
						      "row %d field %d '%s'",
						      *rows, i, tok[i]);
		(*rows)++;
	}
}

static void format_census_table(struct kunit *test)
{
	static const bool numeric[] = { false, false, true, true, true };
	struct nicmem_snapshot *snap = fake_snapshot(test);
	char *text = render(test, nicmem_census_show, snap);
	char *copy = kunit_kzalloc(test, strlen(text) + 1, GFP_KERNEL);
	char *p, *line, *tok[8];
	int rows;

	KUNIT_ASSERT_NOT_NULL(test, copy);
	strcpy(copy, text);
	check_table(test, text, 5, numeric, &rows);
	/* per node: every class + total, present, managed; then all */
	KUNIT_EXPECT_EQ(test, rows, 2 * (NICMEM_NR_CLASSES + 3) +
			NICMEM_NR_CLASSES + 1);
	p = copy;
	while ((line = next_line(&p))) {
		unsigned long long pages, bytes;

		if (line[0] == '#' || str_has_prefix(line, "nicmem"))
			continue;
		KUNIT_ASSERT_EQ(test, tokens(line, tok, 8), 5);
		KUNIT_ASSERT_EQ(test, kstrtoull(tok[2], 10, &pages), 0);
		KUNIT_ASSERT_EQ(test, kstrtoull(tok[3], 10, &bytes), 0);
		KUNIT_EXPECT_EQ(test, bytes, pages * 65536);
		if (!strcmp(tok[0], "all") && !strcmp(tok[1], "pinned"))
			KUNIT_EXPECT_EQ(test, pages, SEED_PAGES);
		if (!strcmp(tok[0], "all") && !strcmp(tok[1], "total"))
			KUNIT_EXPECT_EQ(test, pages,
					29ULL + 7651328 + SEED_PAGES + 20234 + 100);
	}
}

static void format_interfaces_table(struct kunit *test)
{
	static const bool numeric[] = {
		true, true, false, false, false, true, true, false, true, true,
		true, true, true, true, true, false, false
	};
	char *text = render(test, nicmem_interfaces_show, fake_snapshot(test));
	int rows;

	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " 31943819264 estimate "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " odd\"n\\x "));
	check_table(test, text, ARRAY_SIZE(numeric), numeric, &rows);
	KUNIT_EXPECT_EQ(test, rows, 3);
}

/* @text has @want, a line or part of one (the failure names it) */
static void expect_has(struct kunit *test, const char *text, const char *want)
{
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(text, want), "missing: %s", want);
}

static void format_histogram_table(struct kunit *test)
{
	static const bool numeric[] = { true, true, true, true };
	char *text = render(test, nicmem_histogram_show, fake_snapshot(test));
	int rows;

	expect_has(test, text,
		   "        32768        65535       487424      31943819264\n");
	expect_has(test, text,
		   "       131072          inf            0                0\n");
	check_table(test, text, 4, numeric, &rows);
	KUNIT_EXPECT_EQ(test, rows, NICMEM_HIST_BUCKETS);
}

static bool metric_name_ok(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!(isalpha(s[i]) || s[i] == '_' || s[i] == ':' ||
		      (i && isdigit(s[i]))))
			return false;
	return len > 0;
}

/* Prometheus text format: HELP/TYPE before samples, valid names, label
 * values escaped, numeric values.
 */
static void format_metrics(struct kunit *test)
{
	char *text = render(test, nicmem_metrics_show, fake_snapshot(test));
	char typed[64] = "", *line, *p = text;
	int samples = 0;

	expect_has(test, text,
		   "device=\"odd\\\"n\\\\x\",driver=\"virtual\"");
	expect_has(test, text,
		   "nicmem_rx_pinned_bytes{netns=\"4026531840\",device=\"enP2p1s0f0\",driver=\"i40e\"} 31943819264\n");
	/* what may change (how counted, state) is on the info series only */
	expect_has(test, text,
		   "nicmem_interface_info{netns=\"4026531840\",device=\"enP2p1s0f0\",driver=\"i40e\",ifindex=\"2\",bus=\"0002:01:00.0\",node=\"0\",operstate=\"up\",rx_source=\"estimate\"} 1\n");
	KUNIT_EXPECT_NULL(test, strstr(text, "numa_node="));
	KUNIT_EXPECT_NULL(test, strstr(text, ",source="));
	/* per-queue series only with metrics_queues=1 */
	KUNIT_EXPECT_NULL(test, strstr(text, "# TYPE nicmem_rx_queue_pages "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "nicmem_page_size_bytes 65536\n"));
	expect_has(test, text,
		   "nicmem_refcount_pages{refcount_min=\"131072\",refcount_max=\"+Inf\"} 0\n");
	while ((line = next_line(&p))) {
		char *sp, *brace;
		size_t nlen;

		if (str_has_prefix(line, "# TYPE ")) {
			sp = strchr(line + 7, ' ');
			KUNIT_ASSERT_NOT_NULL(test, sp);
			KUNIT_EXPECT_STREQ(test, sp + 1, "gauge");
			strscpy(typed, line + 7, min_t(size_t, sp - line - 6,
						       sizeof(typed)));
			continue;
		}
		if (line[0] == '#')
			continue;
		sp = strrchr(line, ' ');
		KUNIT_ASSERT_NOT_NULL(test, sp);
		brace = strchr(line, '{');
		nlen = (brace && brace < sp ? brace : sp) - line;
		KUNIT_EXPECT_TRUE_MSG(test, metric_name_ok(line, nlen), "%s", line);
		KUNIT_EXPECT_TRUE_MSG(test, strlen(typed) == nlen &&
				      !strncmp(line, typed, nlen),
				      "sample before its TYPE: %s", line);
		if (brace && brace < sp)
			KUNIT_EXPECT_EQ_MSG(test, sp[-1], '}', "%s", line);
		KUNIT_EXPECT_TRUE_MSG(test, plain_number(sp + 1) ||
				      strchr(sp + 1, '.'), "%s", line);
		samples++;
	}
	KUNIT_EXPECT_GT(test, samples, 60);
}

/* metrics_queues=1 adds the per-queue families, and changes nothing else */
static void format_metrics_queues(struct kunit *test)
{
	struct nicmem_snapshot *snap = fake_snapshot(test);
	unsigned int saved = nicmem_metrics_queues;
	char *plain, *queues, *at;

	plain = render(test, nicmem_metrics_show, snap);
	nicmem_metrics_queues = 1;
	queues = render(test, nicmem_metrics_show, snap);
	nicmem_metrics_queues = saved;
	at = strstr(queues, "# HELP nicmem_rx_queue_pages ");
	KUNIT_ASSERT_NOT_NULL(test, at);
	KUNIT_EXPECT_NOT_NULL(test, strstr(at, "# TYPE nicmem_rx_queue_drained_pages gauge\n"));
	/* the text before the queue families is the same */
	KUNIT_EXPECT_EQ(test, strncmp(plain, queues, at - queues), 0);
	KUNIT_EXPECT_NULL(test, strstr(plain, "nicmem_rx_queue_"));
}

static struct kunit_case format_cases[] = {
	KUNIT_CASE(format_version_lines),
	KUNIT_CASE(format_verdict),
	KUNIT_CASE(format_pinned_split),
	KUNIT_CASE(format_severity_edges),
	KUNIT_CASE(format_ranked),
	KUNIT_CASE(format_census_table),
	KUNIT_CASE(format_interfaces_table),
	KUNIT_CASE(format_histogram_table),
	KUNIT_CASE(format_metrics),
	KUNIT_CASE(format_metrics_queues),
	{}
};

static struct kunit_suite format_suite = {
	.name = "nicmem_format",
	.test_cases = format_cases,
};

kunit_test_suites(&format_suite);
