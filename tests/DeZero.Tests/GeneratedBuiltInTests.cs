using System;
using Xunit;

namespace DeZero.Tests;

/// <summary>The built-in functions and Variable operators, which the runtime's own generator writes.</summary>
public sealed class GeneratedBuiltInTests
{
    [Fact]
    public void Operators_Polynomial_GiveClosedFormGradient()
    {
        var x = new Variable(new NDArray([-1.5, 0.5, 2.0]));
        var y = x * x * x - 2.0 * x + 1.0 / x - x / 4.0 + (-x) - 3.0;
        y.Backward();
        for (var i = 0; i < 3; i++)
        {
            var v = x.Data[i];
            var expected = (3 * v * v) - 2 - (1 / (v * v)) - 0.25 - 1;
            Assert.Equal(expected, x.Grad![i], 12);
            Assert.Equal((v * v * v) - (2 * v) + (1 / v) - (v / 4) - v - 3, y.Data[i], 12);
        }
    }

    [Fact]
    public void Operators_ConstantOnEitherSide_BroadcastZeroDimensional()
    {
        var x = new Variable(new NDArray([1.0, 2.0], 2));
        var c = new Variable(3.0);
        var y = (x * c) + (c - x);
        y.Backward();
        Assert.Equal("[2. 2.]", x.Grad!.ToString());
        Assert.Equal(0, c.Grad!.Rank);
        Assert.Equal((1.0 + 2.0) + 2, c.Grad.Item()); // x summed from x * c, plus 1 per element from c - x
    }

    public static TheoryData<string> UnaryFunctions => ["Exp", "Log", "Sin", "Cos", "Tan", "Tanh", "Sinh", "Cosh", "Asin", "Acos", "Atan", "Sqrt", "Abs", "Sigmoid", "Square", "Neg"];

    [Theory]
    [MemberData(nameof(UnaryFunctions))]
    public void Function_OnArray_PassesGradientCheck(string name)
    {
        var method = typeof(Functions).GetMethod(name, [typeof(Variable)])!;
        Func<Variable[], Variable> f = xs => (Variable)method.Invoke(null, [xs[0]])!;
        var inputs = new NDArray([0.1, 0.35, 0.6, 0.85], 2, 2); // inside every domain, away from kinks
        var comparison = Numerical.CompareGradients(f, inputs);
        Assert.True(comparison.Passed, comparison.ToString());
    }

    [Fact]
    public void Pow_ConstantExponent_MatchesClosedForm()
    {
        var x = new Variable(new NDArray([-2.0, 3.0]));
        var y = Functions.Pow(x, 3);
        y.Backward();
        Assert.Equal("[-8. 27.]", y.Data.ToString());
        Assert.Equal("[12. 27.]", x.Grad!.ToString());
    }

    [Fact]
    public void Clip_AtBounds_PassesGradient()
    {
        var x = new Variable(new NDArray([-2.0, -1.0, 0.0, 1.0, 2.0]));
        var y = Functions.Clip(x, -1.0, 1.0);
        y.Backward();
        Assert.Equal("[-1. -1.  0.  1.  1.]", y.Data.ToString());
        Assert.Equal("[0. 1. 1. 1. 0.]", x.Grad!.ToString());
    }

    [Fact]
    public void Maximum_Tie_SplitsGradient()
    {
        var a = new Variable(new NDArray([1.0, 2.0, 3.0]));
        var b = new Variable(new NDArray([3.0, 2.0, 1.0]));
        Functions.Maximum(a, b).Backward();
        Assert.Equal("[0.  0.5 1. ]", a.Grad!.ToString());
        Assert.Equal("[1.  0.5 0. ]", b.Grad!.ToString());
    }

    [Fact]
    public void SeedFunction_ThroughBuiltIns_PrintsSeedValue()
    {
        var x = new Variable(0.5);
        var y = Functions.Square(Functions.Exp(Functions.Square(x)));
        y.Backward();
        Assert.Equal("1.648721270700128", y.Data.ToString());
        Assert.Equal("3.297442541400256", x.Grad!.ToString());
    }
}
