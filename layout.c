// SPDX-License-Identifier: GPL-2.0
/*
 * Driver layouts, resolved at run time: for each adaptor with a field list,
 * the offset and size of every member it reads, by name, from the BTF the
 * running kernel publishes for the driver's module (split BTF on top of
 * vmlinux's); without BTF, from the driver's headers when nicmem was built
 * with KSRC (drivers/compiled_*.c). Never from uname: RHEL minor releases
 * and distro configs move these structs. Either way the walk validates
 * the layout on the live objects before it trusts it.
 *
 * Resolving reads ~5 MiB of vmlinux BTF, so results are kept until a
 * module with an adaptor comes or goes (a module notifier bumps a
 * generation; the next reader resolves again).
 */
#define pr_fmt(fmt) "nicmem: " fmt

#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/string.h>
#include "nicmem.h"
#include "compat.h"
#include "btf.h"
#include "drivers/adaptor.h"

/* Protects nicmem_layouts and nicmem_layouts_gen_done. */
static DEFINE_MUTEX(nicmem_layout_lock);
static struct nicmem_layout nicmem_layouts[NICMEM_MAX_LAYOUTS];
static unsigned int nicmem_nr_layouts;
static atomic_t nicmem_layouts_gen = ATOMIC_INIT(1);
static int nicmem_layouts_gen_done;

static void nicmem_layout_why(struct nicmem_layout *l, const char *what,
			      int err)
{
	l->err = err ?: -EINVAL;
	snprintf(l->source, sizeof(l->source), "none:%s(%d)", what, err);
}

/*
 * Resolve @l->ad's fields against @mod_btf (and vmlinux's, its base); a
 * struct neither has is looked for in the adaptor's second module's BTF,
 * read here when first needed.
 * Return: true when that read failed in a way worth trying again.
 */
static bool nicmem_layout_fields(struct nicmem_layout *l,
				 const struct nicmem_btf *mod_btf,
				 const struct nicmem_btf *vmlinux)
{
	const struct nicmem_adaptor *ad = l->ad;
	struct nicmem_btf also;
	int also_err = -ENODATA;
	unsigned int i;

	l->err = 0;
	for (i = 0; i < ad->nr_fields; i++) {
		const struct nicmem_field *f = &ad->fields[i];
		const struct nicmem_btf *b = mod_btf;
		u32 id;
		int err = nicmem_btf_find_struct(b, f->sname, &id);

		if (err == -ENOENT && ad->also_module) {
			if (also_err == -ENODATA)
				also_err = nicmem_btf_load(&also, ad->also_module,
							   vmlinux);
			if (!also_err) {
				b = &also;
				err = nicmem_btf_find_struct(b, f->sname, &id);
			}
		}
		if (!err && f->path)
			err = nicmem_btf_member(b, id, f->path,
						&l->f[i].offset, &l->f[i].size);
		else if (!err)
			err = nicmem_btf_type_size(b, id, &l->f[i].size);
		l->f[i].err = err;
		if (err && !l->err)
			l->err = err;
	}
	if (!also_err)
		nicmem_btf_free(&also);
	l->usable = true;
	strscpy(l->source, l->err ? "btf:incomplete" : "btf",
		sizeof(l->source));
	return also_err != -ENODATA && nicmem_btf_transient(also_err);
}

/* No usable BTF: a layout compiled from the driver's headers, if built in. */
static bool nicmem_layout_compiled(struct nicmem_layout *l)
{
	const struct nicmem_compiled *c = nicmem_compiled_find(l->ad->driver);
	unsigned int i;

	if (!c || c->nr != l->ad->nr_fields)
		return false;
	for (i = 0; i < c->nr; i++) {
		l->f[i].offset = c->f[i].offset;
		l->f[i].size = c->f[i].size;
		/* size 0: a member this kernel's driver does not have */
		l->f[i].err = c->f[i].size ? 0 : -ENOENT;
	}
	l->err = 0;
	l->usable = true;
	strscpy(l->source, "compiled", sizeof(l->source));
	return true;
}

/* Neither: the members whose place never moved, the rest found live. */
NICMEM_VISIBLE_IF_KUNIT bool nicmem_layout_recognised(struct nicmem_layout *l)
{
	const struct nicmem_recognised *r = l->ad->recognised;
	unsigned int i;

	if (!r)
		return false;
	for (i = 0; i < l->ad->nr_fields; i++) {
		l->f[i].offset = r->f[i].offset;
		l->f[i].size = r->f[i].size;
		l->f[i].err = r->f[i].size ? 0 : -ENOENT;
	}
	l->err = 0;
	l->usable = true;
	l->search = true;
	strscpy(l->source, "recognised", sizeof(l->source));
	return true;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_layout_recognised);

/* Return: true when a read failed in a way worth trying again (-ENOMEM,
 * -EINTR, ...): the next reader resolves again instead of keeping it.
 */
static bool nicmem_layouts_resolve(void)
{
	struct nicmem_btf vmlinux = {}, mod;
	unsigned int i, n = 0;
	int vmlinux_err = -ENODATA;
	bool retry = false;

	for (i = 0; i < nicmem_adaptor_count() && n < NICMEM_MAX_LAYOUTS; i++) {
		const struct nicmem_adaptor *ad = nicmem_adaptor_at(i);
		struct nicmem_layout *l = &nicmem_layouts[n];
		int err;

		if (!ad->nr_fields)
			continue;
		memset(l, 0, sizeof(*l));
		l->ad = ad;
		n++;
		if (vmlinux_err == -ENODATA)
			vmlinux_err = nicmem_btf_load(&vmlinux, "vmlinux", NULL);
		if (vmlinux_err) {
			retry |= nicmem_btf_transient(vmlinux_err);
			if (!nicmem_layout_compiled(l) &&
			    !nicmem_layout_recognised(l))
				nicmem_layout_why(l, "no_vmlinux_btf", vmlinux_err);
			continue;
		}
		err = nicmem_btf_load(&mod, ad->module, &vmlinux);
		if (err) {
			retry |= nicmem_btf_transient(err);
			if (!nicmem_layout_compiled(l) &&
			    !nicmem_layout_recognised(l))
				nicmem_layout_why(l, err == -ENOENT ?
						  "module_not_loaded_or_no_module_btf" :
						  "module_btf_unreadable", err);
			continue;
		}
		retry |= nicmem_layout_fields(l, &mod, &vmlinux);
		nicmem_btf_free(&mod);
	}
	if (!vmlinux_err)
		nicmem_btf_free(&vmlinux);
	nicmem_nr_layouts = n;
	return retry;
}

/**
 * nicmem_layouts_get() - the current layouts, resolving them if stale
 * @out: filled with up to @max layouts
 * @max: room in @out
 *
 * May sleep (reads files). Return: how many were filled.
 */
unsigned int nicmem_layouts_get(struct nicmem_layout *out, unsigned int max)
{
	int gen = atomic_read(&nicmem_layouts_gen);
	unsigned int n;

	mutex_lock(&nicmem_layout_lock);
	if (gen != nicmem_layouts_gen_done && !nicmem_layouts_resolve())
		nicmem_layouts_gen_done = gen;
	n = min(max, nicmem_nr_layouts);
	memcpy(out, nicmem_layouts, n * sizeof(*out));
	mutex_unlock(&nicmem_layout_lock);
	return n;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_layouts_get);

/* A driver nicmem has a layout for came or went: resolve again. */
static int nicmem_module_event(struct notifier_block *nb, unsigned long state,
			       void *data)
{
	const struct module *mod = data;
	unsigned int i;

	if (state != MODULE_STATE_LIVE && state != MODULE_STATE_GOING)
		return NOTIFY_DONE;
	for (i = 0; i < nicmem_adaptor_count(); i++) {
		const struct nicmem_adaptor *ad = nicmem_adaptor_at(i);

		if ((ad->module && !strcmp(ad->module, mod->name)) ||
		    (ad->also_module && !strcmp(ad->also_module, mod->name)))
			atomic_inc(&nicmem_layouts_gen);
	}
	return NOTIFY_DONE;
}

static struct notifier_block nicmem_module_nb = {
	.notifier_call = nicmem_module_event,
};

int nicmem_layouts_init(void)
{
	return register_module_notifier(&nicmem_module_nb);
}

void nicmem_layouts_exit(void)
{
	unregister_module_notifier(&nicmem_module_nb);
}
