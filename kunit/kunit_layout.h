/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For the suites that walk a driver's structures: the adaptor of @driver
 * and the layout nicmem resolved for it, as the core would use them.
 */
#ifndef _NICMEM_KUNIT_LAYOUT_H
#define _NICMEM_KUNIT_LAYOUT_H

#include <kunit/test.h>
#include <linux/slab.h>
#include "nicmem.h"
#include "drivers/adaptor.h"

/*
 * Fills *@ad and returns the layout inside *@layouts (an array the caller
 * kfree()s); the test stops unless the layout resolved completely.
 */
static inline const struct nicmem_layout *
kunit_layout_of(struct kunit *test, const char *driver,
		const struct nicmem_adaptor **ad, struct nicmem_layout **layouts)
{
	const struct nicmem_layout *l = NULL;
	unsigned int i, n;

	*ad = nicmem_adaptor_find(driver);
	KUNIT_ASSERT_NOT_NULL(test, *ad);
	*layouts = kcalloc(NICMEM_MAX_LAYOUTS, sizeof(**layouts), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, *layouts);
	n = nicmem_layouts_get(*layouts, NICMEM_MAX_LAYOUTS);
	for (i = 0; i < n; i++)
		if ((*layouts)[i].ad == *ad)
			l = &(*layouts)[i];
	KUNIT_ASSERT_NOT_NULL(test, l);
	KUNIT_ASSERT_EQ_MSG(test, l->err, 0, "layout: %s", l->source);
	return l;
}

#endif
