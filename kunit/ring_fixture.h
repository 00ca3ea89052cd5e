/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fixture of the suites that walk look-alike rings (rings_kunit.c and
 * the benchmark): a net_device whose private data is one driver's, built
 * by its drivers/<d>/fakering.c, its rings filled, and the adaptor and
 * layout nicmem resolved for that driver.
 */
#ifndef _NICMEM_KUNIT_RING_FIXTURE_H
#define _NICMEM_KUNIT_RING_FIXTURE_H

#include "fakering.h"
#include "kunit_walk.h"

struct ring_fixture {
	struct fr_dev fd;
	const struct nicmem_adaptor *ad;
	struct nicmem_layout *layouts;
	const struct nicmem_layout *l;
	struct nicmem_iface ifi;
	unsigned int queues, ring;
};

/* a look-alike of @driver with @queues rings of @ring descriptors filled */
int ring_fixture_init(struct kunit *test, struct ring_fixture *f,
		      const char *driver, unsigned int order,
		      unsigned int queues, unsigned int ring);
void ring_fixture_exit(struct ring_fixture *f);
/* the adaptor's bias-ring walk over it, as the core calls it */
int ring_fixture_walk(struct ring_fixture *f);

#endif /* _NICMEM_KUNIT_RING_FIXTURE_H */
