using System;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>
/// The graph overload takes constants (issue 16): a double or an NDArray passed for a Variable parameter becomes a leaf
/// variable, as DeZero's as_variable does, so Huber(r, 1.0) compiles and gives the method's value and gradient.
/// </summary>
public sealed class ConstantArgumentTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(-3.0)]
    public void Huber_DoubleConstantForAVariableParameter_ValueAndGradientOfTheMethod(double at)
    {
        var r = new Variable(at);

        var y = Switches.Huber(r, 1.0);
        y.Backward();

        // Huber(r, 1) = r²/2 for |r| <= 1, |r| - 1/2 beyond; d/dr = r, then sign(r).
        var (value, dr, _) = Switches.HuberWithGradient(at, 1.0);
        Assert.Equal(Math.Abs(at) <= 1 ? at * at / 2 : Math.Abs(at) - 0.5, y.Data.Item());
        Assert.Equal(value, y.Data.Item());
        Assert.Equal(Math.Abs(at) <= 1 ? at : Math.Sign(at), r.Grad!.Item());
        Assert.Equal(dr, r.Grad!.Item());
    }

    [Fact]
    public void Huber_NDArrayConstantForAVariableParameter_ElementwiseAgainstTheArray()
    {
        var r = new Variable(new NDArray([0.5, -3.0, 2.0]));
        var delta = new NDArray([1.0, 1.0, 4.0]);

        var y = Switches.Huber(r, delta);
        y.Backward();

        Assert.Equal([0.125, 2.5, 2.0], y.Data.ToArray());
        Assert.Equal([0.5, -1.0, 2.0], r.Grad!.ToArray());
    }

    [Fact]
    public void Huber_ConstantArgument_IsALeafThatGetsItsGradient()
    {
        // The constant is a leaf variable of its own (as in DeZero): it has a gradient after Backward, nobody holds it.
        var r = new Variable(3.0);
        var delta = new Variable(1.0);
        var y = Switches.Huber(r, 1.0);
        Assert.Null(y.Creator!.Inputs[1].Creator);
        Assert.Equal(1.0, y.Creator.Inputs[1].Data.Item());
        y.Backward();
        Assert.Equal(Math.Abs(3.0) - 1.0, y.Creator.Inputs[1].Grad!.Item()); // d/dδ = |r| - δ beyond δ
        Assert.Null(delta.Grad);
    }

    [Fact]
    public void Rosenbrock_DoubleForEitherParameter_SameAsVariables()
    {
        var x = new Variable(0.5);
        var z = Basics.Rosenbrock(x, 0.7);
        z.Backward();
        var (value, dx, _) = Basics.RosenbrockWithGradient(0.5, 0.7);
        Assert.Equal(value, z.Data.Item());
        Assert.Equal(dx, x.Grad!.Item());
    }
}
