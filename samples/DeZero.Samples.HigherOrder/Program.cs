using System;
using System.Collections.Generic;
using System.Linq;
using DeZero;

namespace DeZero.Samples.HigherOrder;

/// <summary>The book's stage 3 (steps 27-36), one titled section per step, printing the numbers the book prints; then what the generator adds.</summary>
internal static class Program
{
    private static void Main()
    {
        Step27();
        Step28();
        Step29();
        Steps30To32();
        Step33();
        Step34();
        Step35();
        Step36();
        NewtonOnAGeneratedFunction();
        NewtonOnRosenbrock();
    }

    private static void Title(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title} ==");
    }

    private static void Step27()
    {
        Title("Step 27: the Taylor series of sin");
        var x = new Variable(Math.PI / 4);
        var y = new Sin().Call(x);
        y.Backward();
        // The book prints 0.7071067811865476 twice; sin(π/4) correctly rounded is 0.7071067811865475, what System.Math
        // gives here (cos(π/4) is 0.7071067811865476). The book's own libm was a little less accurate.
        Console.WriteLine(y.Data);      // 0.7071067811865475
        Console.WriteLine(x.Grad);      // 0.7071067811865476

        // sin x = x - x³/3! + x⁵/5! - ..., summed until a term falls below the threshold: a graph of Pow, Mul and Add.
        x = new Variable(Math.PI / 4);
        y = MySin(x);
        y.Backward();
        Console.WriteLine(y.Data);      // 0.7071064695751781
        Console.WriteLine(x.Grad);      // 0.7071032148228457

        // A smaller threshold, more terms, a result closer to sin's own.
        x = new Variable(Math.PI / 4);
        y = MySin(x, threshold: 1e-150);
        y.Backward();
        Console.WriteLine(y.Data);
        Console.WriteLine(x.Grad);
    }

    /// <summary>The book's <c>my_sin</c>: the Taylor series of sin at 0, built term by term from operations on variables.</summary>
    internal static Variable MySin(Variable x, double threshold = 0.0001)
    {
        var y = new Variable(0.0);
        for (var i = 0; i < 100000; i++)
        {
            var c = Math.Pow(-1, i) / Factorial(2 * i + 1);
            var t = c * Functions.Pow(x, 2 * i + 1);
            y = y + t;
            if (Math.Abs(t.Data.Item()) < threshold)
            {
                break;
            }
        }

        return y;
    }

    /// <summary>Python's <c>math.factorial</c>, as a double (exact up to 22!).</summary>
    private static double Factorial(int n)
    {
        var product = 1.0;
        for (var k = 2; k <= n; k++)
        {
            product *= k;
        }

        return product;
    }

    private static void Step28()
    {
        Title("Step 28: optimising Rosenbrock's function by gradient descent");
        var x0 = new Variable(0.0);
        var x1 = new Variable(2.0);
        const double lr = 0.001;
        const int iters = 1000;

        for (var i = 0; i < iters; i++)
        {
            // The book prints every iteration; the first three are enough here, and the point the descent reached.
            if (i < 3)
            {
                Console.WriteLine($"{x0} {x1}");
            }

            var y = Rosenbrock(x0, x1);

            x0.ClearGrad();
            x1.ClearGrad();
            y.Backward();

            x0.Data -= lr * x0.Grad!;
            x1.Data -= lr * x1.Grad!;
        }

        Console.WriteLine("...");
        Console.WriteLine($"{x0} {x1}");   // variable(0.6837118569138317) variable(0.4659526837427042)
    }

    /// <summary>The book's <c>rosenbrock</c>: 100 (x1 − x0²)² + (1 − x0)², minimum 0 at (1, 1).</summary>
    internal static Variable Rosenbrock(Variable x0, Variable x1) =>
        100 * Functions.Pow(x1 - Functions.Pow(x0, 2), 2) + Functions.Pow(1 - x0, 2);

    private static void Step29()
    {
        Title("Step 29: Newton's method, with a second derivative written by hand");
        var x = new Variable(2.0);
        const int iters = 10;

        for (var i = 0; i < iters; i++)
        {
            Console.WriteLine($"{i} {x}");

            var y = F(x);
            x.ClearGrad();
            y.Backward();

            x.Data -= x.Grad! / Gx2(x.Data);
        }
    }

    /// <summary>The book's <c>f</c> of steps 29 and 33: y = x⁴ − 2x².</summary>
    internal static Variable F(Variable x) => Functions.Pow(x, 4) - 2 * Functions.Pow(x, 2);

    /// <summary>Its second derivative, by hand: 12x² − 4.</summary>
    internal static NDArray Gx2(NDArray x) => 12 * NDArray.Pow(x, 2) - 4;

    private static void Steps30To32()
    {
        Title("Steps 30-32: the backward pass as a graph");
        // No listing with numbers in the book: the gradient becomes a variable, and with createGraph the backward
        // pass records how it was computed, so it can be backpropagated in its turn.
        var x = new Variable(3.0);
        var y = x * x;
        y.Backward();
        Console.WriteLine($"{x.GradVariable}, a leaf: {x.GradVariable!.Creator is null}");   // variable(6.0), a leaf: True

        x = new Variable(3.0);
        y = x * x;
        y.Backward(createGraph: true);
        Console.WriteLine($"{x.GradVariable}, a leaf: {x.GradVariable!.Creator is null}");   // variable(6.0), a leaf: False
    }

    private static void Step33()
    {
        Title("Step 33: second derivatives by double backpropagation");
        var x = new Variable(2.0);
        var y = F(x);
        y.Backward(createGraph: true);
        Console.WriteLine(x.GradVariable);   // variable(24.0)

        var gx = x.GradVariable!;
        x.ClearGrad();
        gx.Backward();
        Console.WriteLine(x.GradVariable);   // variable(44.0)

        // 33.4: Newton's method with the second derivative found by backprop.
        x = new Variable(2.0);
        const int iters = 10;

        for (var i = 0; i < iters; i++)
        {
            Console.WriteLine($"{i} {x}");

            y = F(x);
            x.ClearGrad();
            y.Backward(createGraph: true);

            gx = x.GradVariable!;
            x.ClearGrad();
            gx.Backward();
            var gx2 = x.GradVariable!;

            x.Data -= gx.Data / gx2.Data;
        }
    }

    private static void Step34()
    {
        Title("Step 34: the higher derivatives of sin");
        var x = new Variable(1.0);
        var y = new Sin().Call(x);
        y.Backward(createGraph: true);

        for (var i = 0; i < 3; i++)
        {
            var gx = x.GradVariable!;
            x.ClearGrad();
            gx.Backward(createGraph: true);
            Console.WriteLine(x.GradVariable);   // -sin 1, -cos 1, sin 1
        }

        // The book plots y and its first three derivatives over np.linspace(-7, 7, 200); five points of the same
        // interval, with the built-in Functions.Sin, to the fourth derivative, each beside its closed form.
        x = new Variable(Linspace(-7, 7, 5));
        y = Functions.Sin(x);
        y.Backward(createGraph: true);
        var logs = new List<NDArray> { y.Data };
        for (var i = 0; i < 4; i++)
        {
            logs.Add(x.GradVariable!.Data);
            var gx = x.GradVariable;
            x.ClearGrad();
            gx.Backward(createGraph: true);
        }

        string[] names = ["y", "y'", "y''", "y'''", "y''''"];
        Func<NDArray, NDArray>[] closedForms = [NDArray.Sin, NDArray.Cos, v => -NDArray.Sin(v), v => -NDArray.Cos(v), NDArray.Sin];
        string[] closedNames = ["sin x", "cos x", "(-sin x)", "(-cos x)", "sin x"];
        Console.WriteLine($"x      {x.Data}");
        for (var i = 0; i < logs.Count; i++)
        {
            var gap = NDArray.Abs(logs[i] - closedForms[i](x.Data)).ToArray().Max();
            Console.WriteLine($"{names[i],-6} {logs[i]}   largest |{names[i]} - {closedNames[i]}|: {(NDArray)gap}");
        }
    }

    /// <summary>numpy's <c>linspace</c>: <paramref name="num"/> evenly spaced numbers from <paramref name="start"/> to <paramref name="stop"/>, both included.</summary>
    internal static NDArray Linspace(double start, double stop, int num)
    {
        var step = (stop - start) / (num - 1);
        var data = new double[num];
        for (var i = 0; i < num; i++)
        {
            data[i] = start + i * step;
        }

        data[^1] = stop;
        return new NDArray(data);
    }

    private static void Step35()
    {
        Title("Step 35: the higher derivatives of tanh, and their graphs");
        // The derivatives at 1 to the fourth, beside their closed forms in t = tanh 1.
        var x = new Variable(1.0);
        var y = Functions.Tanh(x);
        y.Backward(createGraph: true);
        var t = Math.Tanh(1.0);
        double[] closedForms =
        [
            1 - t * t,
            -2 * t * (1 - t * t),
            -2 * (1 - t * t) * (1 - 3 * t * t),
            8 * t * (1 - t * t) * (2 - 3 * t * t),
        ];
        for (var order = 1; order <= 4; order++)
        {
            Console.WriteLine($"order {order}: {x.GradVariable}, closed form {(NDArray)closedForms[order - 1]}");
            var gx = x.GradVariable!;
            x.ClearGrad();
            gx.Backward(createGraph: true);
        }

        // The book draws the graph of the n-th derivative: it grows quickly with n.
        for (var iters = 0; iters < 6; iters++)
        {
            var gx = TanhGradient(iters);
            var dot = Graphviz.ToDot(gx, verbose: false);
            var functions = dot.Split('\n').Count(line => line.Contains("shape=box", StringComparison.Ordinal));
            Console.WriteLine($"{gx.Name}: {functions} functions");
        }

        // The picture of the second derivative's graph, as the book's plot_dot_graph(gx, verbose=False) draws it.
        Console.WriteLine(Graphviz.ToDot(TanhGradient(1), verbose: false));
    }

    /// <summary>The book's step-35 listing: tanh at 1, backpropagated with createGraph <paramref name="iters"/> + 1 times; the last gradient, named <c>gx{iters + 1}</c>.</summary>
    internal static Variable TanhGradient(int iters)
    {
        var x = new Variable(1.0);
        var y = Functions.Tanh(x);
        x.Name = "x";
        y.Name = "y";
        y.Backward(createGraph: true);

        for (var i = 0; i < iters; i++)
        {
            var g = x.GradVariable!;
            x.ClearGrad();
            g.Backward(createGraph: true);
        }

        var gx = x.GradVariable!;
        gx.Name = "gx" + (iters + 1);
        return gx;
    }

    private static void Step36()
    {
        Title("Step 36: a gradient inside a new function");
        var x = new Variable(2.0);
        var y = Functions.Pow(x, 2);
        y.Backward(createGraph: true);
        var gx = x.GradVariable!;
        x.ClearGrad();

        var z = Functions.Pow(gx, 3) + y;
        z.Backward();
        Console.WriteLine(x.GradVariable);   // variable(100.0)
    }

    private static void NewtonOnAGeneratedFunction()
    {
        Title("Newton's method on a [Differentiable] method: one node, differentiated twice");
        // Calculus.F is x⁴ − 2x² as a plain method (Calculus.cs): its whole body is one graph node, whose backward
        // pass the generator wrote, and which a createGraph pass differentiates again.
        var x = new Variable(2.0);
        for (var i = 0; i < 10; i++)
        {
            Console.WriteLine($"{i} {x}");

            var y = Calculus.F(x);
            x.ClearGrad();
            y.Backward(createGraph: true);

            var gx = x.GradVariable!;
            x.ClearGrad();
            gx.Backward();
            var gx2 = x.GradVariable!;

            x.Data -= gx.Data / gx2.Data;
        }

        // No graph at all: FWithHessian gives the value, the first and the second derivative in one call.
        Console.WriteLine("FWithHessian, without a graph:");
        var value = 2.0;
        for (var i = 0; i < 10; i++)
        {
            Console.WriteLine($"{i} {(NDArray)value}");

            var (_, dx, dxx) = Calculus.FWithHessian(value);
            value -= dx / dxx;
        }
    }

    private static void NewtonOnRosenbrock()
    {
        Title("Step 28's Rosenbrock by Newton's method, with RosenbrockWithHessian");
        // Gradient descent needed 1,000 steps to get half way (and about 50,000 to the minimum); Newton's method, with the
        // gradient and the Hessian the generator wrote, solves a 2 × 2 system per step and lands on (1, 1) in six.
        double x0 = 0.0, x1 = 2.0;
        for (var i = 0; i < 7; i++)
        {
            var (y, d0, d1, d00, d01, d11) = Calculus.RosenbrockWithHessian(x0, x1);
            Console.WriteLine($"{i} {(NDArray)x0} {(NDArray)x1} f = {(NDArray)y}");

            var det = d00 * d11 - d01 * d01;
            x0 -= (d11 * d0 - d01 * d1) / det;
            x1 -= (d00 * d1 - d01 * d0) / det;
        }
    }
}
