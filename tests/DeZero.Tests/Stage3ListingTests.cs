using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace DeZero.Tests;

// Every listing of the book's stage 3 (steps 27-36) that prints numbers, written as a reader of the book writes it, each
// asserting the text the book prints; where the book prints nothing to compare with, the values against closed forms.
public sealed partial class Stage3ListingTests
{
    // The book's f of steps 29 and 33, y = x⁴ − 2x², and its second derivative by hand.
    private static Variable f(Variable x) => Functions.Pow(x, 4) - 2 * Functions.Pow(x, 2);

    private static NDArray gx2(NDArray x) => 12 * NDArray.Pow(x, 2) - 4;

    // Newton's method from 2.0 converges to the minimum at 1 in seven steps; the book prints i and x before each step.
    private static readonly string[] NewtonLines =
    [
        "0 variable(2.0)",
        "1 variable(1.4545454545454546)",
        "2 variable(1.1510467893775467)",
        "3 variable(1.0253259289766978)",
        "4 variable(1.0009084519430513)",
        "5 variable(1.0000012353089454)",
        "6 variable(1.000000000002289)",
        "7 variable(1.0)",
        "8 variable(1.0)",
        "9 variable(1.0)",
    ];

    [Fact]
    public void Step27_SinAtQuarterPi_PrintsSinAndCosOfQuarterPi()
    {
        var x = new Variable(Math.PI / 4);
        var y = new Sin().Call(x);
        y.Backward();

        // The book prints 0.7071067811865476 for both; sin(π/4) correctly rounded is ...475 (System.Math's), cos(π/4) ...476.
        Assert.Equal("0.7071067811865475", y.Data.ToString());
        Assert.Equal("0.7071067811865476", x.Grad!.ToString());
    }

    [Fact]
    public void Step27_TaylorSeriesOfSinAtQuarterPi_Prints07071064695751781And07071032148228457()
    {
        var x = new Variable(Math.PI / 4);
        var y = my_sin(x);
        y.Backward();

        Assert.Equal("0.7071064695751781", y.Data.ToString());
        Assert.Equal("0.7071032148228457", x.Grad!.ToString());
    }

    [Fact]
    public void Step27_TaylorSeriesWithSmallThreshold_IsSinAndCosWithinAnUlp()
    {
        var x = new Variable(Math.PI / 4);
        var y = my_sin(x, threshold: 1e-150);
        y.Backward();

        Assert.InRange(y.Data.Item(), Math.BitDecrement(Math.Sin(Math.PI / 4)), Math.BitIncrement(Math.Sin(Math.PI / 4)));
        Assert.InRange(x.Grad!.Item(), Math.BitDecrement(Math.Cos(Math.PI / 4)), Math.BitIncrement(Math.Cos(Math.PI / 4)));
    }

    [Fact]
    public void Step28_RosenbrockByGradientDescent_PrintsTheBooksPointAfter1000Iterations()
    {
        var x0 = new Variable(0.0);
        var x1 = new Variable(2.0);
        var lr = 0.001;
        var iters = 1000;
        var printed = new List<string>();

        for (var i = 0; i < iters; i++)
        {
            printed.Add($"{x0} {x1}");

            var y = rosenbrock(x0, x1);

            x0.ClearGrad();
            x1.ClearGrad();
            y.Backward();

            x0.Data -= lr * x0.Grad!;
            x1.Data -= lr * x1.Grad!;
        }

        Assert.Equal(["variable(0.0) variable(2.0)", "variable(0.002) variable(1.6)", "variable(0.0052759968) variable(1.2800008)"], printed.Take(3));
        Assert.Equal("variable(0.6837118569138317) variable(0.4659526837427042)", $"{x0} {x1}");
    }

    [Fact]
    public void Step28_RosenbrocksGradientAtTheStart_IsTheClosedForm()
    {
        // ∂/∂x0 = −400 x0 (x1 − x0²) − 2 (1 − x0) = −2 and ∂/∂x1 = 200 (x1 − x0²) = 400 at (0, 2).
        var x0 = new Variable(0.0);
        var x1 = new Variable(2.0);
        rosenbrock(x0, x1).Backward();

        Assert.Equal("-2.0", x0.Grad!.ToString());
        Assert.Equal("400.0", x1.Grad!.ToString());
    }

    [Fact]
    public void Step29_NewtonWithHandWrittenSecondDerivative_PrintsTheBooksSequence()
    {
        var x = new Variable(2.0);
        var iters = 10;
        var printed = new List<string>();

        for (var i = 0; i < iters; i++)
        {
            printed.Add($"{i} {x}");

            var y = f(x);
            x.ClearGrad();
            y.Backward();

            x.Data -= x.Grad! / gx2(x.Data);
        }

        Assert.Equal(NewtonLines, printed);
    }

    [Fact]
    public void Step33_SecondDerivativeByDoubleBackprop_Prints24Then44()
    {
        var x = new Variable(2.0);
        var y = f(x);
        y.Backward(createGraph: true);
        Assert.Equal("variable(24.0)", x.GradVariable!.ToString());

        var gx = x.GradVariable;
        x.ClearGrad();
        gx.Backward();
        Assert.Equal("variable(44.0)", x.GradVariable!.ToString());
    }

    [Fact]
    public void Step33_NewtonByDoubleBackprop_PrintsTheBooksSequence()
    {
        var x = new Variable(2.0);
        var iters = 10;
        var printed = new List<string>();

        for (var i = 0; i < iters; i++)
        {
            printed.Add($"{i} {x}");

            var y = f(x);
            x.ClearGrad();
            y.Backward(createGraph: true);

            var gx = x.GradVariable!;
            x.ClearGrad();
            gx.Backward();
            var gx2 = x.GradVariable!;

            x.Data -= gx.Data / gx2.Data;
        }

        Assert.Equal(NewtonLines, printed);
    }

    [Fact]
    public void Step34_DerivativesOfHandWrittenSinAtOne_PrintMinusSinMinusCosSin()
    {
        var x = new Variable(1.0);
        var y = new Sin().Call(x);
        y.Backward(createGraph: true);
        var printed = new List<string>();

        for (var i = 0; i < 3; i++)
        {
            var gx = x.GradVariable!;
            x.ClearGrad();
            gx.Backward(createGraph: true);
            printed.Add(x.GradVariable!.ToString());
        }

        Assert.Equal(["variable(-0.8414709848078965)", "variable(-0.5403023058681398)", "variable(0.8414709848078965)"], printed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Step34_DerivativesOfSinOnAnArray_AreSinCosMinusSinMinusCosToTheFourth(bool handWritten)
    {
        // The book plots sin and three derivatives over np.linspace(-7, 7, 200); here 200 points, to the 4th derivative.
        var points = Enumerable.Range(0, 200).Select(i => -7 + 14.0 * i / 199).ToArray();
        var x = new Variable(new NDArray(points));
        var y = handWritten ? new Sin().Call(x) : Functions.Sin(x);
        y.Backward(createGraph: true);
        var logs = new List<NDArray> { y.Data };

        for (var i = 0; i < 4; i++)
        {
            logs.Add(x.GradVariable!.Data);
            var gx = x.GradVariable;
            x.ClearGrad();
            gx.Backward(createGraph: true);
        }

        Func<double, double>[] closedForms = [Math.Sin, Math.Cos, v => -Math.Sin(v), v => -Math.Cos(v), Math.Sin];
        for (var order = 0; order < logs.Count; order++)
        {
            Assert.Equal([200], logs[order].Shape);
            for (var i = 0; i < points.Length; i++)
            {
                Assert.Equal(closedForms[order](points[i]), logs[order][i], 1e-15);
            }
        }
    }

    [Fact]
    public void Step35_DerivativesOfTanhAtOne_AreTheClosedFormsToTheFourth()
    {
        var x = new Variable(1.0);
        var y = Functions.Tanh(x);
        y.Backward(createGraph: true);
        var derivatives = new List<double> { x.GradVariable!.Data.Item() };

        for (var i = 0; i < 3; i++)
        {
            var gx = x.GradVariable!;
            x.ClearGrad();
            gx.Backward(createGraph: true);
            derivatives.Add(x.GradVariable!.Data.Item());
        }

        // With t = tanh x: t' = 1 − t², t'' = −2t(1 − t²), t''' = −2(1 − t²)(1 − 3t²), t'''' = 8t(1 − t²)(2 − 3t²).
        var t = Math.Tanh(1.0);
        double[] closedForms = [1 - t * t, -2 * t * (1 - t * t), -2 * (1 - t * t) * (1 - 3 * t * t), 8 * t * (1 - t * t) * (2 - 3 * t * t)];
        for (var order = 0; order < 4; order++)
        {
            Assert.Equal(closedForms[order], derivatives[order], Math.Abs(closedForms[order]) * 1e-13);
        }
    }

    [Fact]
    public void Step35_TanhGradientGraphs_AreDrawnFromGxBackToXAndGrowWithTheOrder()
    {
        var sizes = new List<int>();
        for (var iters = 0; iters < 4; iters++)
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
            var dot = Graphviz.ToDot(gx, verbose: false);

            // The picture starts at the gradient, named as the book names it, and reaches x through the graph of the
            // backward passes; its functions are boxes.
            var lines = dot.Split('\n');
            Assert.Equal("digraph g {", lines[0]);
            Assert.StartsWith($"0 [label=\"gx{iters + 1}\", color=orange", lines[1]);
            Assert.Contains("[label=\"x\", color=orange, style=filled]", dot);
            Assert.Equal("}", lines[^1]);
            sizes.Add(lines.Count(line => line.Contains("shape=box", StringComparison.Ordinal)));
        }

        for (var i = 1; i < sizes.Count; i++)
        {
            Assert.True(sizes[i] > sizes[i - 1], $"functions per order: {string.Join(", ", sizes)}");
        }
    }

    [Fact]
    public void Step36_GradientInsideANewFunction_Prints100()
    {
        var x = new Variable(2.0);
        var y = Functions.Pow(x, 2);
        y.Backward(createGraph: true);
        var gx = x.GradVariable!;
        x.ClearGrad();

        var z = Functions.Pow(gx, 3) + y;
        z.Backward();
        Assert.Equal("variable(100.0)", x.GradVariable!.ToString());
    }

    [Fact]
    public void Step36_GradientInsideANewFunction_IsTheClosedForm()
    {
        // z = (2x)³ + x², so dz/dx = 24x² + 2x, which is 100 at 2 and 26 at 1.
        foreach (var (at, expected) in new[] { (2.0, 100.0), (1.0, 26.0), (-0.5, 5.0) })
        {
            var x = new Variable(at);
            var y = Functions.Pow(x, 2);
            y.Backward(createGraph: true);
            var gx = x.GradVariable!;
            x.ClearGrad();

            var z = Functions.Pow(gx, 3) + y;
            z.Backward();
            Assert.Equal(expected, x.Grad!.Item(), 1e-12);
        }
    }

    [Fact]
    public void NewtonOnAGeneratedFunction_DoubleBackprop_ConvergesAsTheBooksNewton()
    {
        var x = new Variable(2.0);
        var printed = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            printed.Add($"{i} {x}");

            var y = Quartic(x);
            x.ClearGrad();
            y.Backward(createGraph: true);

            var gx = x.GradVariable!;
            x.ClearGrad();
            gx.Backward();
            var gx2 = x.GradVariable!;

            // One node: f' = 4x³ − 4x and f'' = 12x² − 4 at every step, as the closed forms give them.
            var at = x.Data.Item();
            Assert.Equal(4 * at * at * at - 4 * at, gx.Data.Item(), 1e-12 * Math.Max(1, Math.Abs(gx.Data.Item())));
            Assert.Equal(12 * at * at - 4, gx2.Data.Item(), 1e-12 * Math.Abs(gx2.Data.Item()));

            x.Data -= gx.Data / gx2.Data;
        }

        Assert.Equal(NewtonLines, printed);
    }

    [Fact]
    public void NewtonOnAGeneratedFunction_WithHessian_PrintsTheBooksSequenceWithoutAGraph()
    {
        var x = 2.0;
        var printed = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            printed.Add($"{i} {new Variable(x)}");

            var (value, dx, dxx) = QuarticWithHessian(x);
            Assert.Equal(Math.Pow(x, 4) - 2 * Math.Pow(x, 2), value);
            Assert.Equal(4 * x * x * x - 4 * x, dx, 1e-12 * Math.Max(1, Math.Abs(dx)));
            Assert.Equal(12 * x * x - 4, dxx, 1e-12 * Math.Abs(dxx));

            x -= dx / dxx;
        }

        Assert.Equal(NewtonLines, printed);
    }

    [Fact]
    public void NewtonOnRosenbrock_WithHessian_ReachesTheMinimumInSixSteps()
    {
        // At (0, 2): ∂²/∂x0² = 1200 x0² − 400 x1 + 2 = −798, ∂²/∂x0∂x1 = −400 x0 = 0, ∂²/∂x1² = 200.
        var (f0, g0, g1, h00, h01, h11) = RosenbrockWithHessian(0.0, 2.0);
        Assert.Equal((401.0, -2.0, 400.0, -798.0, 0.0, 200.0), (f0, g0, g1, h00, h01, h11));

        double x0 = 0.0, x1 = 2.0;
        for (var i = 0; i < 6; i++)
        {
            var (_, d0, d1, d00, d01, d11) = RosenbrockWithHessian(x0, x1);
            var det = d00 * d11 - d01 * d01;
            x0 -= (d11 * d0 - d01 * d1) / det;
            x1 -= (d00 * d1 - d01 * d0) / det;
        }

        Assert.Equal((1.0, 1.0), (x0, x1));
    }

    // The book's my_sin: the Taylor series of sin at 0, summed until a term falls below the threshold.
    private static Variable my_sin(Variable x, double threshold = 0.0001)
    {
        var y = new Variable(0.0);
        for (var i = 0; i < 100000; i++)
        {
            var c = Math.Pow(-1, i) / factorial(2 * i + 1);
            var t = c * Functions.Pow(x, 2 * i + 1);
            y = y + t;
            if (Math.Abs(t.Data.Item()) < threshold)
            {
                break;
            }
        }

        return y;
    }

    private static double factorial(int n)
    {
        var product = 1.0;
        for (var k = 2; k <= n; k++)
        {
            product *= k;
        }

        return product;
    }

    private static Variable rosenbrock(Variable x0, Variable x1) =>
        100 * Functions.Pow(x1 - Functions.Pow(x0, 2), 2) + Functions.Pow(1 - x0, 2);

    // The book's x⁴ − 2x² as a [Differentiable] method: one generated node, differentiated twice by the graph, and
    // QuarticWithHessian without one.
    [Differentiable(Hessian = true)]
    internal static double Quartic(double x) => Math.Pow(x, 4) - 2 * Math.Pow(x, 2);

    // Step 28's function as a [Differentiable] method, for Newton's method with RosenbrockWithHessian.
    [Differentiable(Hessian = true)]
    internal static double Rosenbrock(double x0, double x1) => 100 * Math.Pow(x1 - x0 * x0, 2) + Math.Pow(1 - x0, 2);

    // The book's Sin and Cos of step 34, whose backward passes are written on variables.
    private sealed class Sin : Function
    {
        public override NDArray Forward(NDArray x) => NDArray.Sin(x);

        public override Variable Backward(Variable gy) => gy * new Cos().Call(Input);
    }

    private sealed class Cos : Function
    {
        public override NDArray Forward(NDArray x) => NDArray.Cos(x);

        public override Variable Backward(Variable gy) => gy * -new Sin().Call(Input);
    }
}
