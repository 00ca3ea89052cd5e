// SPDX-License-Identifier: GPL-2.0
/*
 * badio: every call a read-only debugfs file of nicmem must refuse, for
 * the test VM (a busybox guest cannot issue ioctl, mmap or a bad lseek).
 * For each FILE given, a table of calls and the errno each must fail
 * with; then the file must still read the very text it read first.
 * One line per check:
 *
 *	PASS <file> <what>
 *	FAIL <file> <what>: <what happened instead>
 *
 * Built static on the host (gcc -static) by scripts/check.
 * Exit status: 0 when every check passed, 1 otherwise, 2 on usage errors.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/sendfile.h>

#define TEXT_MAX (64 << 20)	/* NICMEM_TEXT_MAX */

static const char *file;
static int failures;

static void check(const char *what, long ret, int want_errno, long want_ret)
{
	int err = errno;

	if (want_errno ? (ret == -1 && err == want_errno) : ret == want_ret) {
		printf("PASS %s %s\n", file, what);
		return;
	}
	failures++;
	if (ret == -1)
		printf("FAIL %s %s: failed with %s\n", file, what, strerror(err));
	else
		printf("FAIL %s %s: returned %ld\n", file, what, ret);
}

/* the whole text, read from offset 0 of fd; its length in *len */
static char *slurp(int fd, size_t *len)
{
	char *buf = malloc(TEXT_MAX);
	ssize_t n;

	*len = 0;
	if (!buf)
		return NULL;
	while ((n = pread(fd, buf + *len, TEXT_MAX - *len, *len)) > 0)
		*len += n;
	if (n < 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void one(void)
{
	char small[64], *text, *again;
	size_t len, len2;
	void *gone;
	long ret;
	int fd, null;

	errno = 0;
	check("open O_WRONLY refused with EACCES", open(file, O_WRONLY), EACCES, 0);
	check("open O_RDWR refused with EACCES", open(file, O_RDWR), EACCES, 0);
	check("open O_WRONLY|O_APPEND refused with EACCES",
	      open(file, O_WRONLY | O_APPEND), EACCES, 0);

	fd = open(file, O_RDONLY);
	if (fd < 0) {
		failures++;
		printf("FAIL %s open O_RDONLY: %s\n", file, strerror(errno));
		return;
	}
	text = slurp(fd, &len);
	if (!text || !len) {
		failures++;
		printf("FAIL %s reads a text: %s\n", file, text ? "empty" : strerror(errno));
		close(fd);
		free(text);
		return;
	}
	printf("PASS %s reads a text (%zu bytes)\n", file, len);

	check("write on the read-only fd refused with EBADF",
	      write(fd, "x", 1), EBADF, 0);
	check("ioctl TCGETS refused with ENOTTY",
	      ioctl(fd, TCGETS, small), ENOTTY, 0);
	check("ioctl of a made-up command refused with ENOTTY",
	      ioctl(fd, _IOR('n', 0x42, int), small), ENOTTY, 0);
	check("mmap MAP_SHARED refused with ENODEV",
	      (long)mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0), ENODEV, 0);
	check("mmap MAP_PRIVATE refused with ENODEV",
	      (long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0), ENODEV, 0);
	check("lseek past the end refused with EINVAL",
	      lseek(fd, len + 1, SEEK_SET), EINVAL, 0);
	check("lseek far past the end (1 TiB) refused with EINVAL",
	      lseek(fd, 1LL << 40, SEEK_SET), EINVAL, 0);
	check("lseek to a negative offset refused with EINVAL",
	      lseek(fd, -1, SEEK_SET), EINVAL, 0);
	check("lseek SEEK_END +1 refused with EINVAL",
	      lseek(fd, 1, SEEK_END), EINVAL, 0);
	check("lseek SEEK_CUR past the end refused with EINVAL",
	      lseek(fd, len + 1, SEEK_CUR), EINVAL, 0);
	check("lseek with a whence that does not exist refused with EINVAL",
	      lseek(fd, 0, 42), EINVAL, 0);
	check("lseek SEEK_END 0 lands at the text's end",
	      lseek(fd, 0, SEEK_END), 0, len);
	check("read at the end reads nothing", read(fd, small, sizeof(small)), 0, 0);
	check("pread 1 TiB past the end reads nothing",
	      pread(fd, small, sizeof(small), 1LL << 40), 0, 0);
	check("pread at a negative offset refused with EINVAL",
	      pread(fd, small, sizeof(small), -1), EINVAL, 0);
	/* in the first page, never mapped (parsed: gcc must not see it) */
	check("read into a bad user address fails with EFAULT",
	      pread(fd, (void *)strtoul("0x10", NULL, 16), sizeof(small), 0), EFAULT, 0);
	gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(gone, 4096);
	check("read into an unmapped buffer fails with EFAULT",
	      pread(fd, gone, sizeof(small), 0), EFAULT, 0);
	gone = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check("read into a read-only buffer fails with EFAULT",
	      pread(fd, gone, sizeof(small), 0), EFAULT, 0);
	munmap(gone, 4096);
	check("fallocate refused with EBADF", fallocate(fd, 0, 0, 4096), EBADF, 0);
	check("ftruncate refused with EINVAL", ftruncate(fd, 0), EINVAL, 0);

	/* sendfile (splice): the whole text, or refused; never a part */
	null = open("/dev/null", O_WRONLY);
	errno = 0;
	ret = sendfile(null, fd, &(off_t){ 0 }, len + 4096);
	if (ret == (long)len || (ret == -1 && errno == EINVAL)) {
		printf("PASS %s sendfile gives the whole text or is refused (%s)\n",
		       file, ret == -1 ? "EINVAL" : "whole");
	} else {
		failures++;
		printf("FAIL %s sendfile: %ld (%s)\n", file, ret, strerror(errno));
	}
	close(null);

	/* after all of that, the same text: one snapshot per open */
	again = slurp(fd, &len2);
	if (again && len2 == len && !memcmp(again, text, len)) {
		printf("PASS %s reads the same text after the refused calls\n", file);
	} else {
		failures++;
		printf("FAIL %s reads the same text after the refused calls: %zu bytes, was %zu\n",
		       file, len2, len);
	}
	free(again);
	free(text);
	check("close", close(fd), 0, 0);
}

int main(int argc, char **argv)
{
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: badio FILE...\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 1; i < argc; i++) {
		file = argv[i];
		one();
	}
	return failures ? 1 : 0;
}
