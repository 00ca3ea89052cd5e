// SPDX-License-Identifier: GPL-2.0
/*
 * nicmem: how much memory the NIC drivers hold, on which interface and
 * queue, and in what state. Module init/exit, parameters, and the snapshot
 * that one walk produces and every reader within cache_ms shares.
 */
/* built as nicmem_main.o (see Kbuild), so name the module explicitly */
#define pr_fmt(fmt) "nicmem: " fmt

#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/stringify.h>
#include "nicmem.h"
#include "compat.h"
#include "drivers/adaptor.h"

#define NICMEM_CACHE_MS_MAX	3600000U

unsigned int nicmem_threshold = NICMEM_THRESHOLD_DEFAULT;
unsigned int nicmem_cache_ms = 1000;

/* A kernel_param_ops setter that accepts an unsigned int in [min, max]. */
int nicmem_param_set_range(const char *val, const struct kernel_param *kp,
			   const struct nicmem_range *r)
{
	unsigned int v;
	int ret = kstrtouint(val, 0, &v);

	if (ret || v < r->min || v > r->max) {
		/* a write to sysfs ends in a newline */
		pr_err("%s=%.*s is not valid: give an integer in [%u, %u]\n",
		       kp->name, (int)strcspn(val, "\n"), val, r->min, r->max);
		return -EINVAL;
	}
	*(unsigned int *)kp->arg = v;
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_param_set_range);

static const struct nicmem_range nicmem_threshold_range = {
	NICMEM_THRESHOLD_MIN, NICMEM_THRESHOLD_MAX
};

static int nicmem_threshold_set(const char *val, const struct kernel_param *kp)
{
	return nicmem_param_set_range(val, kp, &nicmem_threshold_range);
}

static const struct kernel_param_ops nicmem_threshold_ops = {
	.set = nicmem_threshold_set,
	.get = param_get_uint,
};

static const struct nicmem_range nicmem_cache_ms_range = {
	0, NICMEM_CACHE_MS_MAX
};

static int nicmem_cache_ms_set(const char *val, const struct kernel_param *kp)
{
	return nicmem_param_set_range(val, kp, &nicmem_cache_ms_range);
}

static const struct kernel_param_ops nicmem_cache_ms_ops = {
	.set = nicmem_cache_ms_set,
	.get = param_get_uint,
};

static const struct nicmem_range nicmem_metrics_queues_range = { 0, 1 };
unsigned int nicmem_metrics_queues;
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_metrics_queues);

static int nicmem_metrics_queues_set(const char *val,
				     const struct kernel_param *kp)
{
	return nicmem_param_set_range(val, kp, &nicmem_metrics_queues_range);
}

static const struct kernel_param_ops nicmem_metrics_queues_ops = {
	.set = nicmem_metrics_queues_set,
	.get = param_get_uint,
};

struct nicmem_severity nicmem_severity = {
	NICMEM_SEVERITY_WARN_PCT, NICMEM_SEVERITY_CRIT_PCT
};

/*
 * severity_pct="warn,crit": two integers, 1 <= warn < crit <= 100, and
 * nothing else. Return: 0 with @sev set, or -EINVAL (@sev untouched).
 */
int nicmem_severity_parse(const char *val, struct nicmem_severity *sev)
{
	unsigned int warn, crit;
	char buf[16], *comma;

	if (strscpy(buf, val, sizeof(buf)) < 0)
		return -EINVAL;
	comma = strchr(buf, ',');
	if (!comma)
		return -EINVAL;
	*comma = '\0';
	if (kstrtouint(buf, 10, &warn) || kstrtouint(comma + 1, 10, &crit) ||
	    warn < 1 || warn >= crit || crit > 100)
		return -EINVAL;
	sev->warn_pct = warn;
	sev->crit_pct = crit;
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_severity_parse);

static int nicmem_severity_set(const char *val, const struct kernel_param *kp)
{
	int ret = nicmem_severity_parse(val, kp->arg);

	if (ret)
		pr_err("%s=%s is not valid: give \"warn,crit\", two integer percentages with 1 <= warn < crit <= 100\n",
		       kp->name, val);
	return ret;
}

static int nicmem_severity_get(char *buf, const struct kernel_param *kp)
{
	const struct nicmem_severity *sev = kp->arg;

	return scnprintf(buf, PAGE_SIZE, "%u,%u\n", sev->warn_pct, sev->crit_pct);
}

static const struct kernel_param_ops nicmem_severity_ops = {
	.set = nicmem_severity_set,
	.get = nicmem_severity_get,
};

module_param_cb(threshold, &nicmem_threshold_ops, &nicmem_threshold, 0444);
MODULE_PARM_DESC(threshold,
		 "refcount from which an unmapped non-LRU kernel page has the pinned signature ["
		 __stringify(NICMEM_THRESHOLD_MIN) ", " __stringify(NICMEM_THRESHOLD_MAX)
		 "] (default " __stringify(NICMEM_THRESHOLD_DEFAULT) ")");
module_param_cb(cache_ms, &nicmem_cache_ms_ops, &nicmem_cache_ms, 0444);
MODULE_PARM_DESC(cache_ms,
		 "readers within this many ms of a walk share its result; 0 walks on every open [0, 3600000] (default 1000)");
module_param_cb(severity_pct, &nicmem_severity_ops, &nicmem_severity, 0444);
MODULE_PARM_DESC(severity_pct,
		 "\"warn,crit\": the NIC RX rings' share of the memory outside hugepages above which the summary's severity is WARN and CRIT, 1 <= warn < crit <= 100 (default \""
		 __stringify(NICMEM_SEVERITY_WARN_PCT) ","
		 __stringify(NICMEM_SEVERITY_CRIT_PCT) "\")");

module_param_cb(metrics_queues, &nicmem_metrics_queues_ops,
		&nicmem_metrics_queues, 0644);
MODULE_PARM_DESC(metrics_queues,
		 "1: the metrics file also has series per RX queue and per page_pool (their number grows with the queues); 0: per interface only [0, 1] (default 0; writable at run time)");

/*
 * nicmem_lock serializes walks and protects nicmem_cached. An open()
 * holds a kref on the snapshot while it renders the file's text, so a new
 * walk never frees a snapshot being printed. Never taken by anything but nicmem's open().
 */
static DEFINE_MUTEX(nicmem_lock);
static struct nicmem_snapshot *nicmem_cached;
/* set when the module starts to unload: a census in flight gives up */
static bool nicmem_unloading;

/**
 * nicmem_walk_stopped() - whether a long walk must give up now
 *
 * Return: -EINTR on a fatal signal, -ENODEV once nicmem is unloading (so
 * an rmmod does not wait for a census: the open in flight fails), else 0.
 */
int nicmem_walk_stopped(void)
{
	if (fatal_signal_pending(current))
		return -EINTR;
	if (READ_ONCE(nicmem_unloading))
		return -ENODEV;
	return 0;
}

static void nicmem_snapshot_release(struct kref *ref)
{
	struct nicmem_snapshot *snap =
		container_of(ref, struct nicmem_snapshot, ref);

	nicmem_census_free(&snap->census);
	nicmem_ifaces_free(&snap->ifaces);
	kfree(snap);
}

void nicmem_snapshot_put(struct nicmem_snapshot *snap)
{
	kref_put(&snap->ref, nicmem_snapshot_release);
}

static struct nicmem_snapshot *nicmem_snapshot_take(void)
{
	struct nicmem_snapshot *snap;
	int ret;

	snap = kzalloc(sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return ERR_PTR(-ENOMEM);
	kref_init(&snap->ref);
	snap->taken_ns = ktime_get_ns();
	snap->taken_real = ktime_get_real_seconds();
	snap->page_size = PAGE_SIZE;
	ret = nicmem_census_init(&snap->census);
	if (!ret)
		ret = nicmem_census_walk(&snap->census, nicmem_threshold);
	if (!ret) {
		snap->nr_layouts = nicmem_layouts_get(snap->layouts,
						      NICMEM_MAX_LAYOUTS);
		ret = nicmem_ifaces_walk(&snap->ifaces, snap->layouts,
					 snap->nr_layouts, nicmem_threshold);
	}
	if (!ret) {
		nicmem_frag_read(&snap->frag, nicmem_threshold);
		nicmem_pools_attribute(&snap->census.pools, &snap->ifaces);
		ret = nicmem_ifaces_rank(&snap->ifaces);
	}
	if (ret) {
		nicmem_snapshot_put(snap);
		return ERR_PTR(ret);
	}
	return snap;
}

/**
 * nicmem_snapshot_get() - the current snapshot, walking if it is stale
 *
 * Return: a snapshot with a reference the caller drops with
 * nicmem_snapshot_put(), or an ERR_PTR (-EINTR on a fatal signal).
 */
struct nicmem_snapshot *nicmem_snapshot_get(void)
{
	struct nicmem_snapshot *snap;

	if (mutex_lock_killable(&nicmem_lock))
		return ERR_PTR(-EINTR);
	snap = nicmem_cached;
	if (!snap || !nicmem_cache_ms ||
	    ktime_get_ns() - snap->taken_ns >
	    (u64)nicmem_cache_ms * NSEC_PER_MSEC) {
		snap = nicmem_snapshot_take();
		if (IS_ERR(snap))
			goto out;
		if (nicmem_cached)
			nicmem_snapshot_put(nicmem_cached);
		nicmem_cached = snap;
	}
	kref_get(&snap->ref);
out:
	mutex_unlock(&nicmem_lock);
	return snap;
}

static int __init nicmem_init(void)
{
	int ret;

	nicmem_census_table_init();
	ret = nicmem_adaptors_init();
	if (!ret)
		ret = nicmem_layouts_init();
	if (ret)
		return ret;
	ret = nicmem_census_hotplug_init();
	if (ret) {
		nicmem_layouts_exit();
		return ret;
	}
	nicmem_frag_init();
	nicmem_debugfs_init();
	pr_info("loaded: threshold=%u cache_ms=%u page_size=%lu\n",
		nicmem_threshold, nicmem_cache_ms, PAGE_SIZE);
	return 0;
}

static void __exit nicmem_exit(void)
{
	WRITE_ONCE(nicmem_unloading, true);
	/* waits for readers inside our file operations */
	nicmem_debugfs_exit();
	nicmem_census_hotplug_exit();
	nicmem_layouts_exit();
	if (nicmem_cached)
		nicmem_snapshot_put(nicmem_cached);
	nicmem_cached = NULL;
}

module_init(nicmem_init);
module_exit(nicmem_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Census of the memory NIC drivers hold, per interface and queue");
MODULE_AUTHOR("nicmem developers");
