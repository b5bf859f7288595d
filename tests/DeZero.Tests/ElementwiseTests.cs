using System;
using Xunit;

namespace DeZero.Tests;

// The helpers generated nodes call: one broadcasting rule shared with NDArray's operators.
public sealed class ElementwiseTests
{
    [Fact]
    public void Shape_SameShapes_ReturnsThatShape()
    {
        var shape = Elementwise.Shape("F", [NDArray.Zeros(2, 3), NDArray.Zeros(2, 3)], 2);

        Assert.Equal([2, 3], shape);
    }

    [Fact]
    public void Shape_ZeroDimensionalMixedIn_ReturnsTheOtherShape()
    {
        Assert.Equal([3], Elementwise.Shape("F", [2.0, NDArray.Zeros(3), 1.0], 3));
    }

    [Fact]
    public void Shape_AllZeroDimensional_ReturnsEmpty()
    {
        Assert.Empty(Elementwise.Shape("F", [2.0, 1.0], 2));
    }

    [Fact]
    public void Shape_WrongInputCount_ThrowsNamingTheFunction()
    {
        var error = Assert.Throws<ArgumentException>(() => Elementwise.Shape("RosenbrockFunction", [1.0, 2.0, 3.0], 2));

        Assert.StartsWith("RosenbrockFunction takes 2 inputs, got 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_MismatchedShapes_ThrowsNamingFunctionAndBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Elementwise.Shape("F", [NDArray.Zeros(2, 3), NDArray.Zeros(3)], 2));

        Assert.Contains("F", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(3,)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SizeAndStride_FollowTheShape()
    {
        Assert.Equal(6, Elementwise.Size([2, 3]));
        Assert.Equal(1, Elementwise.Size([]));
        Assert.Equal(0, Elementwise.Stride(1.0));
        Assert.Equal(1, Elementwise.Stride(NDArray.Zeros(1)));
    }

    [Fact]
    public void Gradient_ForZeroDimensionalInput_SumsToZeroDimensional()
    {
        var g = Elementwise.Gradient([1.0, 2.0, 3.5], new NDArray([1.0, 2.0, 4.0]), 7.0);

        Assert.Equal(0, g.Rank);
        Assert.Equal(1.0 + 4.0 + 14.0, g.Item());
    }

    [Fact]
    public void Gradient_ForShapedInput_WrapsInItsShape()
    {
        double[] partial = [1.0, 2.0, 3.0, 4.0];

        var g = Elementwise.Gradient(partial, 0.5, NDArray.Zeros(2, 2));

        Assert.Equal([2, 2], g.Shape);
        Assert.Equal(1.5, g[1, 0]);
        Assert.Equal(3.0, partial[2]); // the partials are only read
    }

    [Fact]
    public void Result_EmptyShape_IsZeroDimensional()
    {
        var y = Elementwise.Result([4.0], []);

        Assert.Equal(0, y.Rank);
        Assert.Equal("4.0", y.ToString());
        Assert.Equal([1], NDArray.Wrap([4.0]).Shape);
    }
}
