"""The seed's stage-1 DeZero (steps 6 to 8), timed on the seed's function, as the anchor for the C# benchmarks.

The classes below are the book's code as the seed prints it: `Variable` with data, grad and creator (step 7),
`Function` recording input and output (steps 6 and 7), `Square` and `Exp` with forward and backward (step 6),
and the loop-based `backward` (step 8). Nothing is tuned: this is the program a learner runs.

Each case is forward plus backward of y = square(exp(square(x))), seeding y.grad = np.array(1.0) as the seed does:
  scalar     x = np.array(0.5)
  1,000      x uniform in [-1, 1)
  1,000,000  x uniform in [-1, 1)
It prints one line per case: the name, the median seconds per call, and the number of timed calls, as
`case <name> <median_seconds> <calls>`, which benchmarks/python/compare.py reads.

Run it with an interpreter that has numpy (Debian: /usr/bin/python3 after `apt-get install python3-numpy`).
Without numpy it prints a message saying so and exits with status 0, so a caller can skip the comparison.
"""

import statistics
import sys
import timeit

try:
    import numpy as np
except ImportError:
    print("skipped: numpy is missing for " + sys.executable
          + " (Debian: apt-get install python3-numpy, then run with /usr/bin/python3)")
    sys.exit(0)


class Variable:
    def __init__(self, data):
        self.data = data
        self.grad = None
        self.creator = None

    def set_creator(self, func):
        self.creator = func

    def backward(self):
        funcs = [self.creator]
        while funcs:
            f = funcs.pop()             # the function
            x, y = f.input, f.output    # its input and output
            x.grad = f.backward(y.grad) # its backward

            if x.creator is not None:
                funcs.append(x.creator) # the function one step back


class Function:
    def __call__(self, input):
        x = input.data
        y = self.forward(x)
        output = Variable(y)
        output.set_creator(self)
        self.input = input
        self.output = output
        return output

    def forward(self, x):
        raise NotImplementedError()

    def backward(self, gy):
        raise NotImplementedError()


class Square(Function):
    def forward(self, x):
        return np.square(x)

    def backward(self, gy):
        x = self.input.data
        gx = 2 * x * gy
        return gx


class Exp(Function):
    def forward(self, x):
        return np.exp(x)

    def backward(self, gy):
        x = self.input.data
        gx = np.exp(x) * gy
        return gx


def seed_forward_backward(data):
    """The seed's listing: three functions, forward, then backward from y.grad = np.array(1.0).

    The seed seeds the gradient with a 0-d one even for arrays (numpy broadcasts it); that is slightly less work
    than the ones of y's shape the C# runtime makes, so the ratios it gives are, if anything, in Python's favour.
    """
    A = Square()
    B = Exp()
    C = Square()

    x = Variable(data)
    a = A(x)
    b = B(a)
    y = C(b)

    y.grad = np.array(1.0)
    y.backward()
    return x.grad


def median_seconds(data, calls, repeats):
    """The median over `repeats` runs of the time per call, each run timing `calls` calls."""
    times = timeit.repeat(lambda: seed_forward_backward(data), number=calls, repeat=repeats)
    return statistics.median(t / calls for t in times)


def main():
    # The seed's printed value first: the anchor must compute what the C# cases compute.
    gx = seed_forward_backward(np.array(0.5))
    if repr(float(gx)) != "3.297442541400256":
        print("error: the seed's function gave x.grad = " + repr(float(gx)) + ", not 3.297442541400256")
        sys.exit(1)

    rng = np.random.default_rng(4)
    cases = [
        ("scalar", np.array(0.5), 20000, 15),
        ("1000", rng.uniform(-1.0, 1.0, 1000), 5000, 15),
        ("1000000", rng.uniform(-1.0, 1.0, 1000000), 1, 15),
    ]
    print("# seed DeZero (steps 6-8), python " + sys.version.split()[0] + ", numpy " + np.__version__)
    for name, data, calls, repeats in cases:
        seed_forward_backward(data)  # warm caches and numpy's allocator
        seconds = median_seconds(data, calls, repeats)
        print("case %s %.6e %d" % (name, seconds, calls * repeats))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
