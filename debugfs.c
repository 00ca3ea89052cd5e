// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/nicmem/: the files and their plumbing; their text is
 * text.c's and prom.c's. Every file is 0400, read-only, with no ioctl or
 * mmap, so it opens under lockdown. The walk runs (or the cached snapshot
 * is taken) in open(), which also renders the file's whole text: read()
 * copies it.
 */
#define pr_fmt(fmt) "nicmem: " fmt

#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/kmemleak.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include "nicmem.h"
#include "compat.h"

static struct dentry *nicmem_dir;

struct nicmem_file {
	const char *name;
	int (*show)(struct seq_file *m, void *v);
};

static const struct nicmem_file nicmem_files[] = {
	{ "summary",	nicmem_summary_show },
	{ "census",	nicmem_census_show },
	{ "interfaces",	nicmem_interfaces_show },
	{ "histogram",	nicmem_histogram_show },
	{ "metrics",	nicmem_metrics_show },
	{ "queues",	nicmem_queues_show },
	{ "layouts",	nicmem_layouts_show },
	{ "pools",	nicmem_pools_show },
};

/*
 * Unload under readers. A file held open must neither keep the module
 * (an operator's rmmod would wait on a stuck cat or a scraper's open
 * file) nor call into it once it is gone. So the files have no .owner;
 * open() renders the whole text into the seq_file's buffer and drops the
 * snapshot there; read() and llseek() only copy from that buffer and run
 * through debugfs's proxy, which nicmem_debugfs_exit()'s removal waits
 * for and which answers -EIO after; release is single_release(), the
 * kernel's own. Debugfs still reads the file_operations at release, so
 * they are a kmalloc'd copy that outlives the module while a file is open.
 */

/* the largest text a file renders before open() gives up (-EFBIG) */
#define NICMEM_TEXT_MAX		(64 << 20)

/* @show over @snap into @m's buffer, growing it until the text fits */
static int nicmem_render(struct seq_file *m,
			 int (*show)(struct seq_file *m, void *v),
			 struct nicmem_snapshot *snap)
{
	int ret;

	m->private = snap;
	for (;;) {
		m->count = 0;
		ret = show(m, NULL);
		if (ret || !seq_has_overflowed(m))
			break;
		if (m->size >= NICMEM_TEXT_MAX) {
			ret = -EFBIG;
			break;
		}
		/* seq_release() kvfree()s the buffer, as seq_buf_alloc() */
		kvfree(m->buf);
		m->size <<= 1;
		m->buf = kvmalloc(m->size, GFP_KERNEL_ACCOUNT);
		if (!m->buf) {
			m->size = 0;
			ret = -ENOMEM;
			break;
		}
	}
	m->private = NULL;
	return ret;
}

static int nicmem_open(struct inode *inode, struct file *file)
{
	const struct nicmem_file *nf = inode->i_private;
	struct nicmem_snapshot *snap;
	size_t size;
	int ret;

	/*
	 * The files are 0400, but root's CAP_DAC_OVERRIDE opens them for
	 * writing all the same: refuse that here, before any census, rather
	 * than at the write (-EINVAL, as the files have no write op).
	 */
	if (file->f_mode & FMODE_WRITE)
		return -EACCES;
	snap = nicmem_snapshot_get();
	if (IS_ERR(snap))
		return PTR_ERR(snap);
	/* enough for the whole output, so show() usually runs once */
	size = 16384 + (size_t)snap->ifaces.nr * 1024 +
	       (size_t)snap->census.pools.nr * 256 +
	       (size_t)snap->census.nr_nodes * 4096;
	ret = single_open_size(file, nf->show, NULL, size);
	if (!ret) {
		ret = nicmem_render(file->private_data, nf->show, snap);
		if (ret)
			single_release(inode, file);
	}
	nicmem_snapshot_put(snap);
	return ret;
}

static ssize_t nicmem_read(struct file *file, char __user *buf, size_t len,
			   loff_t *ppos)
{
	const struct seq_file *m = file->private_data;

	return simple_read_from_buffer(buf, len, ppos, m->buf, m->count);
}

/* within the text only: a seek past its end is -EINVAL */
static loff_t nicmem_llseek(struct file *file, loff_t offset, int whence)
{
	const struct seq_file *m = file->private_data;

	return fixed_size_llseek(file, offset, whence, m->count);
}

static const struct file_operations nicmem_fops_template = {
	.open		= nicmem_open,
	.read		= nicmem_read,
	.llseek		= nicmem_llseek,
	.release	= single_release,
};

static const struct file_operations *nicmem_fops;
/* our own reference to each file, to count the opens left at exit */
static struct dentry *nicmem_dentries[ARRAY_SIZE(nicmem_files)];

void nicmem_debugfs_init(void)
{
	unsigned int i;

	nicmem_fops = kmemdup(&nicmem_fops_template, sizeof(*nicmem_fops),
			      GFP_KERNEL);
	if (!nicmem_fops)
		return;
	nicmem_dir = debugfs_create_dir("nicmem", NULL);
	/* NULL on failure before 5.0 (commit ff9fb72bc077), ERR_PTR since:
	 * never create the files at the debugfs root instead
	 */
	if (IS_ERR_OR_NULL(nicmem_dir))
		return;
	for (i = 0; i < ARRAY_SIZE(nicmem_files); i++) {
		struct dentry *d;

		d = debugfs_create_file(nicmem_files[i].name, 0400, nicmem_dir,
					(void *)&nicmem_files[i], nicmem_fops);
		if (!IS_ERR_OR_NULL(d))
			nicmem_dentries[i] = dget(d);
	}
}

/*
 * Removal waits for every open(), read() and llseek() in flight and
 * fails any later one; what is left of a file still open is its release.
 * Past the removal a dentry can gain no opener, and each open file holds
 * a reference to its dentry: a count above our own is a file still open
 * (or a passing lookup, counted the same: the copy is kept for nothing).
 */
void nicmem_debugfs_exit(void)
{
	unsigned int i, open = 0;

	debugfs_remove_recursive(nicmem_dir);
	nicmem_dir = NULL;
	for (i = 0; i < ARRAY_SIZE(nicmem_dentries); i++) {
		if (!nicmem_dentries[i])
			continue;
		if (d_count(nicmem_dentries[i]) > 1)
			open++;
		dput(nicmem_dentries[i]);
		nicmem_dentries[i] = NULL;
	}
	if (!open) {
		kfree(nicmem_fops);
	} else {
		kmemleak_not_leak(nicmem_fops);
		pr_info("unloaded with %u file(s) still open: their %zu-byte file_operations stay allocated for the close\n",
			open, sizeof(*nicmem_fops));
	}
	nicmem_fops = NULL;
}
