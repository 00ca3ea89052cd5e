# SPDX-License-Identifier: GPL-2.0
"""What every part of nicmem-vmcore shares: the source tree, the module's
definitions once made (D), and how the script stops and speaks."""
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
D = None        # the module's definitions (Defs), made in main()
U64 = (1 << 64) - 1


def die(msg, code=1):
    print(f"nicmem-vmcore: {msg}", file=sys.stderr)
    sys.exit(code)


def say(msg):
    print(f"nicmem-vmcore: {msg}", file=sys.stderr)
