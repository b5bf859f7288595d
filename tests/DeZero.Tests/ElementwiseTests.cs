using System;
using DeZero.CompilerServices;
using Xunit;

namespace DeZero.Tests;

// The runtime side of generated nodes (DeZero.CompilerServices.ElementwiseFunction), through the built-in nodes the
// runtime's own generator writes: one broadcasting rule shared with NDArray's operators, scalars without arrays.
public sealed class ElementwiseTests
{
    [Fact]
    public void ForwardAll_SameShapes_ReturnsThatShape()
    {
        var y = new Primitives.MulFunction().ForwardAll([NDArray.Ones(2, 3), NDArray.Zeros(2, 3)]);

        Assert.Equal([2, 3], y.Shape);
        Assert.Equal(0.0, y[1, 2]);
    }

    [Fact]
    public void ForwardAll_ZeroDimensionalMixedIn_BroadcastsIt()
    {
        var y = new Primitives.ClipFunction().ForwardAll([new NDArray([-1.0, 0.5, 3.0]), 0.0, 1.0]);

        Assert.Equal([3], y.Shape);
        Assert.Equal([0.0, 0.5, 1.0], y.ToArray());
    }

    [Fact]
    public void ForwardAll_AllZeroDimensional_ReturnsZeroDimensional()
    {
        var y = new Primitives.AddFunction().ForwardAll([2.0, 1.0]);

        Assert.Equal(0, y.Rank);
        Assert.Equal("3.0", y.ToString());
    }

    [Fact]
    public void ForwardAll_OneElementOfRankOne_KeepsItsShape()
    {
        var y = new Primitives.ExpFunction().ForwardAll([NDArray.Wrap([0.5])]);

        Assert.Equal([1], y.Shape);
        Assert.Equal(Math.Exp(0.5), y[0]);
    }

    [Fact]
    public void ForwardAll_WrongInputCount_ThrowsNamingTheFunction()
    {
        var error = Assert.Throws<ArgumentException>(() => new Primitives.AddFunction().ForwardAll([1.0, 2.0, 3.0]));

        Assert.StartsWith("AddFunction takes 2 inputs, got 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForwardAll_MismatchedShapes_ThrowsNamingFunctionAndBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new Primitives.MulFunction().ForwardAll([NDArray.Zeros(2, 3), NDArray.Zeros(3)]));

        Assert.Contains("MulFunction", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(3,)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_ZeroDimensionalInputBroadcast_GradientIsTheSumOverTheOutput()
    {
        var x = new Variable(7.0);
        var y = new Variable(new NDArray([1.0, 4.0, 14.0]));

        var z = x * y;
        z.Backward();

        Assert.Equal(0, x.Grad!.Rank);
        Assert.Equal(1.0 + 4.0 + 14.0, x.Grad.Item());
        Assert.Equal([7.0, 7.0, 7.0], y.Grad!.ToArray());
    }

    [Fact]
    public void Backward_ZeroDimensionalInputBroadcastOverEmptyArray_GradientIsZero()
    {
        var x = new Variable(3.0);
        var y = new Variable(NDArray.Zeros(0));

        var z = x * y;
        z.Backward();

        Assert.Equal([0], z.Data.Shape);
        Assert.Equal(0, x.Grad!.Rank);
        Assert.Equal(0.0, x.Grad.Item());
        Assert.Equal([0], y.Grad!.Shape);
    }

    [Fact]
    public void Backward_ZeroDimensionalInputOfOneElementOutput_IsTheOneElementNotASum()
    {
        var x = new Variable(-0.0);
        var y = new Variable(NDArray.Wrap([1.0]));

        var z = y * x; // dz/dy = x = -0.0, taken as it is: a sum would give +0.0
        z.Backward();

        Assert.Equal([1], z.Data.Shape);
        Assert.Equal([1], y.Grad!.Shape);
        Assert.True(double.IsNegative(y.Grad[0]));
        Assert.Equal(0, x.Grad!.Rank);
    }

    [Fact]
    public void BackwardAll_ZeroDimensionalOutputGradient_BroadcastsOverTheOutput()
    {
        var f = new Primitives.MulFunction();
        f.Call(new Variable(new NDArray([1.0, 2.0])), new Variable(3.0));

        var gxs = f.BackwardAll(2.0);

        Assert.Equal([6.0, 6.0], gxs[0].ToArray());
        Assert.Equal(2.0 * (1.0 + 2.0), gxs[1].Item());
    }

    [Fact]
    public void BackwardAll_GradientOfAnotherShape_ThrowsNamingBoth()
    {
        var f = new Primitives.SquareFunction();
        f.Call(new Variable(new NDArray([1.0, 2.0])));

        var error = Assert.Throws<ArgumentException>(() => f.BackwardAll(new NDArray([1.0, 2.0, 3.0])));

        Assert.Contains("(3,)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2,)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BackwardAll_BeforeARecordedCall_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Primitives.SquareFunction().BackwardAll(1.0));

        Assert.Contains("SquareFunction has not been called", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_DeriveFromTheCompilerServicesBase_WithAStructKernel()
    {
        var node = new Primitives.SquareFunction();

        Assert.IsAssignableFrom<ElementwiseFunction<Primitives.SquareFunction.Kernel>>(node);
        Assert.True(typeof(Primitives.SquareFunction.Kernel).IsValueType);
        Assert.Equal(1, default(Primitives.SquareFunction.Kernel).Arity);
        Assert.Equal(3, default(Primitives.ClipFunction.Kernel).Arity);
    }
}
