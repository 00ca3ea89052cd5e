// SPDX-License-Identifier: GPL-2.0
/*
 * pp-dump: the kernel's own page_pool figures, for the test VM (a busybox
 * guest has no ynl, no python). Resolves the "netdev" generic netlink
 * family and dumps NETDEV_CMD_PAGE_POOL_GET (6.8+), one line per pool:
 *
 *	id ifindex inflight inflight_mem
 *
 * ("-" for an attribute the kernel left out). Built static on the host
 * (gcc -static) by tests/matrix/run.
 * Exit status: 0, 1 on a netlink error (message on stderr), 2 when the
 * kernel has no netdev family or no page-pool-get.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/genetlink.h>

/* include/uapi/linux/netdev.h, 6.8 .. 7.2 (ABI: values never change) */
#define PP_CMD_PAGE_POOL_GET	5	/* NETDEV_CMD_PAGE_POOL_GET */
#define PP_A_ID			1	/* NETDEV_A_PAGE_POOL_ID */
#define PP_A_IFINDEX		2	/* NETDEV_A_PAGE_POOL_IFINDEX */
#define PP_A_INFLIGHT		4	/* NETDEV_A_PAGE_POOL_INFLIGHT */
#define PP_A_INFLIGHT_MEM	5	/* NETDEV_A_PAGE_POOL_INFLIGHT_MEM */

static char buf[1 << 16];

static int nl_send(int fd, __u16 type, __u16 flags, __u8 cmd,
		   __u16 attr, const char *str)
{
	struct {
		struct nlmsghdr n;
		struct genlmsghdr g;
		char attrs[64];
	} req;
	struct nlattr *a = (struct nlattr *)req.attrs;
	size_t len = NLMSG_LENGTH(GENL_HDRLEN);

	memset(&req, 0, sizeof(req));
	if (str) {
		a->nla_type = attr;
		a->nla_len = NLA_HDRLEN + strlen(str) + 1;
		memcpy((char *)a + NLA_HDRLEN, str, strlen(str) + 1);
		len += NLA_ALIGN(a->nla_len);
	}
	req.n.nlmsg_len = len;
	req.n.nlmsg_type = type;
	req.n.nlmsg_flags = NLM_F_REQUEST | flags;
	req.n.nlmsg_seq = 1;
	req.g.cmd = cmd;
	req.g.version = 1;
	return send(fd, &req, len, 0) == (ssize_t)len ? 0 : -1;
}

/*
 * Calls fn on each message's attributes; returns 0 at NLMSG_DONE or after
 * the one answer, -errno on an error message.
 */
static int nl_recv(int fd, int dump,
		   void (*fn)(struct nlattr **tb, int max, void *arg),
		   int max, void *arg)
{
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *h;

		if (n < 0)
			return -errno;
		for (h = (struct nlmsghdr *)buf; NLMSG_OK(h, n);
		     h = NLMSG_NEXT(h, n)) {
			struct nlattr *tb[32] = { 0 };
			struct nlattr *a;
			int rem;

			if (h->nlmsg_type == NLMSG_DONE)
				return 0;
			if (h->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(h);

				if (!e->error)
					return 0;
				return e->error;
			}
			a = (struct nlattr *)((char *)NLMSG_DATA(h) + GENL_HDRLEN);
			rem = h->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
			while (rem >= (int)NLA_HDRLEN && a->nla_len >= NLA_HDRLEN &&
			       a->nla_len <= rem) {
				int t = a->nla_type & NLA_TYPE_MASK;

				if (t <= max && t < 32)
					tb[t] = a;
				rem -= NLA_ALIGN(a->nla_len);
				a = (struct nlattr *)((char *)a + NLA_ALIGN(a->nla_len));
			}
			fn(tb, max, arg);
			if (!dump)
				return 0;
		}
	}
}

static void *nla_data(struct nlattr *a)
{
	return (char *)a + NLA_HDRLEN;
}

static void family_id(struct nlattr **tb, int max, void *arg)
{
	(void)max;
	if (tb[CTRL_ATTR_FAMILY_ID])
		*(__u16 *)arg = *(__u16 *)nla_data(tb[CTRL_ATTR_FAMILY_ID]);
}

static void put_uint(struct nlattr *a, const char *sep)
{
	unsigned long long v;

	if (!a) {
		printf("-%s", sep);
		return;
	}
	if (a->nla_len - NLA_HDRLEN == 8)
		memcpy(&v, nla_data(a), 8);
	else
		v = *(__u32 *)nla_data(a);
	printf("%llu%s", v, sep);
}

static void pool(struct nlattr **tb, int max, void *arg)
{
	(void)max;
	(void)arg;
	put_uint(tb[PP_A_ID], " ");
	put_uint(tb[PP_A_IFINDEX], " ");
	put_uint(tb[PP_A_INFLIGHT], " ");
	put_uint(tb[PP_A_INFLIGHT_MEM], "\n");
}

int main(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	__u16 fam = 0;
	int fd, ret;

	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		perror("pp-dump: netlink socket");
		return 1;
	}
	if (nl_send(fd, GENL_ID_CTRL, 0, CTRL_CMD_GETFAMILY,
		    CTRL_ATTR_FAMILY_NAME, "netdev")) {
		perror("pp-dump: send");
		return 1;
	}
	ret = nl_recv(fd, 0, family_id, CTRL_ATTR_MAX, &fam);
	if (ret || !fam) {
		fprintf(stderr, "pp-dump: no netdev generic netlink family (%s)\n",
			ret ? strerror(-ret) : "no id");
		return 2;
	}
	if (nl_send(fd, fam, NLM_F_DUMP, PP_CMD_PAGE_POOL_GET, 0, NULL)) {
		perror("pp-dump: send");
		return 1;
	}
	ret = nl_recv(fd, 1, pool, PP_A_INFLIGHT_MEM, NULL);
	if (ret) {
		fprintf(stderr, "pp-dump: page-pool-get: %s\n", strerror(-ret));
		return ret == -EOPNOTSUPP || ret == -EINVAL ? 2 : 1;
	}
	return 0;
}
