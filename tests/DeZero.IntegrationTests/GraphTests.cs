using System;
using System.Linq;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>The generated node over arrays: each element takes its own branch and its own trip count.</summary>
public sealed class GraphTests
{
    [Fact]
    public void Piecewise_ArrayElementsInDifferentBranches_EachMatchesWithGradient()
    {
        double[] xs = [-1, -0.5, 0.5, 0.2, 2, 2, 0.5, 3, 5, 4];
        double[] ys = [2, -3, 2, 0.1, 0.5, 3, -2, -1.5, -1.5, 0.5];
        AssertElementwise2(Branches.Piecewise, Branches.PiecewiseWithGradient, xs, ys);
    }

    [Fact]
    public void NestedConditional_ArrayElementsInEveryArm_EachMatchesWithGradient() =>
        AssertElementwise2(Branches.NestedConditional, Branches.NestedConditionalWithGradient, [2, -0.5, 1, -2, 0.5], [1, -1, 3, 1, 1]);

    [Fact]
    public void HalveUntilSmall_ArrayElementsWithDifferentTripCounts_EachMatchesWithGradient() =>
        AssertElementwise1(Loops.HalveUntilSmall, Loops.HalveUntilSmallWithGradient, [-2, 0.5, 1.5, 3, 5, 100.3, 1e6]);

    [Fact]
    public void EarlyReturnInLoop_ArrayElementsLeavingAtDifferentIterations_EachMatchesWithGradient() =>
        AssertElementwise1(Loops.EarlyReturnInLoop, Loops.EarlyReturnInLoopWithGradient, [0.3, 1, 4, 20, 9.9]);

    [Fact]
    public void IntParameter_ArrayInput_EachMatchesWithGradient() =>
        AssertElementwise1(v => Basics.IntParameter(v, 3), x => Basics.IntParameterWithGradient(x, 3), [-1.5, 0, 0.7, 2]);

    [Fact]
    public void Rosenbrock_ScalarAgainstArray_ScalarGradientIsSummed()
    {
        var x = new Variable(0.5);
        double[] ys = [-1, 0, 0.25, 2];
        var y = new Variable(new NDArray(ys));

        var z = Basics.Rosenbrock(x, y);
        z.Backward();

        Assert.Equal([4], z.Shape);
        Assert.Empty(x.Grad!.Shape);
        var expected = ys.Select(v => Basics.RosenbrockWithGradient(0.5, v)).ToArray();
        Gradients.AssertClose(expected.Sum(g => g.DX), x.Grad.Item(), Gradients.GraphTolerance, "summed d/dx");
        for (var i = 0; i < ys.Length; i++)
        {
            Gradients.AssertClose(expected[i].DY, y.Grad!.AsSpan()[i], Gradients.GraphTolerance, $"d/dy[{i}]");
            Gradients.AssertClose(expected[i].Value, z.Data.AsSpan()[i], Gradients.GraphTolerance, $"value[{i}]");
        }
    }

    [Fact]
    public void Piecewise_ScalarAgainstArrayAcrossBranches_ScalarGradientIsSummed()
    {
        var x = new Variable(0.5);
        double[] ys = [2, -2, 0.1, 3];
        var y = new Variable(new NDArray(ys));

        Branches.Piecewise(x, y).Backward();

        var expected = ys.Select(v => Branches.PiecewiseWithGradient(0.5, v)).ToArray();
        Gradients.AssertClose(expected.Sum(g => g.DX), x.Grad!.Item(), Gradients.GraphTolerance, "summed d/dx");
        for (var i = 0; i < ys.Length; i++)
        {
            Gradients.AssertClose(expected[i].DY, y.Grad!.AsSpan()[i], Gradients.GraphTolerance, $"d/dy[{i}]");
        }
    }

    [Fact]
    public void TwoGeneratedNodes_Chained_GradientIsTheProduct()
    {
        // Square(Rosenbrock(x, y)): 2R·R_x, 2R·R_y.
        var (x, y) = (new Variable(0.3), new Variable(-0.7));
        var z = Basics.Square(Basics.Rosenbrock(x, y));
        z.Backward();

        var (r, rx, ry) = Basics.RosenbrockWithGradient(0.3, -0.7);
        Gradients.AssertClose(2 * r * rx, x.Grad!.Item(), Gradients.GraphTolerance, "d/dx");
        Gradients.AssertClose(2 * r * ry, y.Grad!.Item(), Gradients.GraphTolerance, "d/dy");
    }

    [Fact]
    public void FunctionClass_IntParameterAsInitProperty_SameAsOverload()
    {
        var x = new Variable(new NDArray([-1.5, 0.7, 2]));
        var z = new Basics.IntParameterFunction { N = 3 }.Call(x);
        z.Backward();

        for (var i = 0; i < 3; i++)
        {
            var (value, dx) = Basics.IntParameterWithGradient(x.Data.AsSpan()[i], 3);
            Assert.Equal(value, z.Data.AsSpan()[i]);
            Assert.Equal(dx, x.Grad!.AsSpan()[i]);
        }
    }

    [Fact]
    public void NoGrad_GeneratedOverload_RecordsNoCreator()
    {
        using (Config.NoGrad())
        {
            var z = Basics.Rosenbrock(new Variable(1.0), new Variable(2.0));
            Assert.Null(z.Creator);
            Assert.Equal(100.0, z.Data.Item());
        }
    }

    [Fact]
    public void NumericalDiff_OfGeneratedOverload_AgreesWithBackward()
    {
        // The runtime's own numerical_diff through the generated node, as the seed checks Square.
        var numeric = Numerical.Diff(v => Basics.Polynomial(v), new Variable(1.5), 1e-6).Item();
        var x = new Variable(1.5);
        Basics.Polynomial(x).Backward();
        Gradients.AssertClose(numeric, x.Grad!.Item(), Gradients.NumericalTolerance, "d/dx");
    }

    private static void AssertElementwise1(Func<Variable, Variable> graph, Func<double, (double Value, double DX)> withGradient, double[] xs)
    {
        var x = new Variable(new NDArray(xs));
        var z = graph(x);
        z.Backward();
        for (var i = 0; i < xs.Length; i++)
        {
            var (value, dx) = withGradient(xs[i]);
            Gradients.AssertClose(value, z.Data.AsSpan()[i], Gradients.GraphTolerance, $"value[{i}] at {xs[i]}");
            Gradients.AssertClose(dx, x.Grad!.AsSpan()[i], Gradients.GraphTolerance, $"d/dx[{i}] at {xs[i]}");
        }
    }

    private static void AssertElementwise2(
        Func<Variable, Variable, Variable> graph,
        Func<double, double, (double Value, double DX, double DY)> withGradient,
        double[] xs,
        double[] ys)
    {
        var (x, y) = (new Variable(new NDArray(xs)), new Variable(new NDArray(ys)));
        var z = graph(x, y);
        z.Backward();
        for (var i = 0; i < xs.Length; i++)
        {
            var (value, dx, dy) = withGradient(xs[i], ys[i]);
            Gradients.AssertClose(value, z.Data.AsSpan()[i], Gradients.GraphTolerance, $"value[{i}] at ({xs[i]}, {ys[i]})");
            Gradients.AssertClose(dx, x.Grad!.AsSpan()[i], Gradients.GraphTolerance, $"d/dx[{i}] at ({xs[i]}, {ys[i]})");
            Gradients.AssertClose(dy, y.Grad!.AsSpan()[i], Gradients.GraphTolerance, $"d/dy[{i}] at ({xs[i]}, {ys[i]})");
        }
    }
}
