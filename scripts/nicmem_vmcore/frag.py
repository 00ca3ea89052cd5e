# SPDX-License-Identifier: GPL-2.0
"""The networking core's page_frag caches, as frag.c reads them (nicmem_frag_read())."""

class Frag:
    def __init__(self):
        self.why = None
        self.caches = self.unreadable = self.with_page = self.pages = self.pinned = 0


def has_btf(prog):
    """frag.c places the caches with the running kernel's BTF: a kernel built
    with CONFIG_DEBUG_INFO_BTF has its .BTF section between __start_BTF and
    __stop_BTF; without it the module reads none (no_vmlinux_btf)"""
    try:
        prog.symbol("__start_BTF")
        return True
    except LookupError:
        return False


def frag_read(prog, mm, rules, threshold, drgn):
    from drgn.helpers.linux.cpumask import for_each_possible_cpu
    from drgn.helpers.linux.mm import virt_to_page
    from drgn.helpers.linux.percpu import per_cpu
    f = Frag()
    if not has_btf(prog):
        f.why = "no_vmlinux_btf"
        return f
    pinned = rules.index["NICMEM_PINNED"]
    for cpu in for_each_possible_cpu(prog):
        # frag.c's caches, in its order (frag_caches.h, generated)
        for var, member in rules.frag_caches:
            c = per_cpu(prog[var], cpu)
            if member:
                c = c.member_(member)
            f.caches += 1
            try:
                # "va", or after 6.12 "encoded_page": the address with the
                # order and pfmemalloc bit in its low bits
                try:
                    va = c.va.value_()
                except AttributeError:
                    va = c.encoded_page.value_() & ~(mm.page_size - 1)
            except drgn.FaultError:
                f.unreadable += 1
                continue
            if not va:
                continue
            pfn = mm.pfn_of(virt_to_page(prog, va).value_())
            if pfn is None:
                f.unreadable += 1
                continue
            head = mm.u64(mm.page(pfn), mm.o_head)
            if head & 1:                       # PageTail(): compound_head()
                pfn = mm.pfn_of(mm.head_of(pfn, head))
                if pfn is None:
                    f.unreadable += 1
                    continue
            s = mm.snap(pfn)
            n = 1 << s.order
            f.with_page += 1
            f.pages += n
            if rules.classify(s, threshold) == pinned:
                f.pinned += n
    return f
