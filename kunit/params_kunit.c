// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: module parameter validation (what insmod does with a value).
 */
#include <kunit/test.h>
#include <linux/moduleparam.h>
#include "nicmem.h"

struct param_case {
	const char *val;
	int ret;
	unsigned int stored;
};

static const struct param_case param_cases[] = {
	{ "64", 0, 64 }, { "1024", 0, 1024 }, { "0x400", 0, 1024 },
	{ "16777216", 0, 16777216 }, { "63", -EINVAL, 7 }, { "0", -EINVAL, 7 },
	{ "16777217", -EINVAL, 7 }, { "-1", -EINVAL, 7 }, { "abc", -EINVAL, 7 },
	{ "", -EINVAL, 7 }, { "12x", -EINVAL, 7 }, { "99999999999", -EINVAL, 7 },
};

static void param_desc(const struct param_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "threshold=\"%s\"", c->val);
}

KUNIT_ARRAY_PARAM(param, param_cases, param_desc);

static void params_threshold_range(struct kunit *test)
{
	static const struct nicmem_range range = { 64, 1U << 24 };
	const struct param_case *c = test->param_value;
	unsigned int v = 7;
	struct kernel_param kp = { .name = "threshold", .arg = &v };

	KUNIT_EXPECT_EQ(test, nicmem_param_set_range(c->val, &kp, &range),
			c->ret);
	KUNIT_EXPECT_EQ(test, v, c->stored);
}

static void params_zero_allowed(struct kunit *test)
{
	static const struct nicmem_range range = { 0, 3600000 };
	unsigned int v = 7;
	struct kernel_param kp = { .name = "cache_ms", .arg = &v };

	KUNIT_EXPECT_EQ(test, nicmem_param_set_range("0", &kp, &range), 0);
	KUNIT_EXPECT_EQ(test, v, 0U);
	KUNIT_EXPECT_EQ(test, nicmem_param_set_range("3600001", &kp, &range),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, v, 0U);
}

struct severity_case {
	const char *val;
	int ret;
	unsigned int warn, crit;
};

static const struct severity_case severity_cases[] = {
	{ "10,25", 0, 10, 25 }, { "1,100", 0, 1, 100 }, { "50,51", 0, 50, 51 },
	{ "25,10", -EINVAL }, { "10,10", -EINVAL }, { "0,25", -EINVAL },
	{ "10,101", -EINVAL }, { "10", -EINVAL }, { "10,", -EINVAL },
	{ ",25", -EINVAL }, { "10,25,30", -EINVAL }, { "10;25", -EINVAL },
	{ " 10,25", -EINVAL }, { "10,25x", -EINVAL }, { "-1,25", -EINVAL },
	{ "0x0a,25", -EINVAL }, { "", -EINVAL }, { "10,2500000000000", -EINVAL },
	{ "100000000000000000,25", -EINVAL },
};

static void severity_desc(const struct severity_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "severity_pct=\"%s\"", c->val);
}

KUNIT_ARRAY_PARAM(severity, severity_cases, severity_desc);

/* refused values leave the setting as it was */
static void params_severity(struct kunit *test)
{
	const struct severity_case *c = test->param_value;
	struct nicmem_severity sev = { 7, 8 };

	KUNIT_EXPECT_EQ(test, nicmem_severity_parse(c->val, &sev), c->ret);
	KUNIT_EXPECT_EQ(test, sev.warn_pct, c->ret ? 7 : c->warn);
	KUNIT_EXPECT_EQ(test, sev.crit_pct, c->ret ? 8 : c->crit);
}

static struct kunit_case params_cases[] = {
	KUNIT_CASE_PARAM(params_severity, severity_gen_params),
	KUNIT_CASE_PARAM(params_threshold_range, param_gen_params),
	KUNIT_CASE(params_zero_allowed),
	{}
};

static struct kunit_suite params_suite = {
	.name = "nicmem_params",
	.test_cases = params_cases,
};

kunit_test_suites(&params_suite);
