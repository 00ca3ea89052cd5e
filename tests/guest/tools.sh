# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# The operator tools against the real module, in the VM: sourced by
# nicmem-tests.sh (uses its ok, emit and $D; nicmem.ko is loaded).

t_tools() {
	[ -x /nicmem/nicmem-scrape ] && [ -x /nicmem/nicmem-preflight ] || return 0
	mkdir -p /tmp/textfile
	/nicmem/nicmem-scrape --dir /tmp/textfile
	ok $? "nicmem-scrape writes /tmp/textfile/nicmem.prom from the module"
	grep -q '^nicmem_scrape_success 1$' /tmp/textfile/nicmem.prom &&
		grep -q '^nicmem_census_pages{' /tmp/textfile/nicmem.prom
	ok $? "the scraped file has the module's series and success 1"
	emit nicmem.prom /tmp/textfile/nicmem.prom
	/nicmem/nicmem-preflight > /tmp/pf 2>&1
	rc=$?
	[ $rc -le 2 ] && grep -q '^nicmem-preflight: \(PASS\|WARN\|FAIL\)' /tmp/pf
	ok $? "nicmem-preflight reads the live summary (exit $rc)" "$(head -1 /tmp/pf)"
	mt=$(awk '/^MemTotal:/ { print $2 * 1024 }' /proc/meminfo)
	/nicmem/nicmem-preflight --hugepages "$((mt / 1048576 + 64))M" > /tmp/pf 2>&1
	[ $? -eq 2 ] && grep -q '^nicmem-preflight: FAIL' /tmp/pf
	ok $? "nicmem-preflight with more hugepages than memory: FAIL, exit 2"
	/nicmem/nicmem-preflight --hugepages 64M --json > /tmp/pf.json 2>&1
	[ $? -eq 0 ] && grep -q '"verdict":"PASS"' /tmp/pf.json
	ok $? "nicmem-preflight --hugepages 64M --json: PASS" "$(head -c 200 /tmp/pf.json)"
	rmmod nicmem
	/nicmem/nicmem-scrape --dir /tmp/textfile 2>/dev/null
	[ $? -eq 3 ] && grep -q '^nicmem_scrape_success 0$' /tmp/textfile/nicmem.prom
	ok $? "with the module unloaded nicmem-scrape exits 3 and marks success 0"
	/nicmem/nicmem-preflight > /dev/null 2>&1
	[ $? -eq 3 ]
	ok $? "with the module unloaded nicmem-preflight cannot tell (exit 3)"
	insmod $KO cache_ms=0
}
