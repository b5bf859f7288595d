using System;
using Xunit;

namespace DeZero.Tests;

// Variable's box: data, gradient checks, name, printing.
public sealed class VariableTests
{
    [Fact]
    public void Constructor_NullData_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new Variable(null!));
    }

    [Fact]
    public void Constructor_FromDouble_HoldsZeroDimensionalData()
    {
        var x = new Variable(0.5, "x");

        Assert.Equal(0.5, x.Data.Item());
        Assert.Empty(x.Shape);
        Assert.Equal(1, x.Size);
        Assert.Equal("x", x.Name);
        Assert.Null(x.Grad);
        Assert.Null(x.Creator);
        Assert.Equal(0, x.Generation);
    }

    [Fact]
    public void Grad_OfWrongShape_ThrowsWithBothShapes()
    {
        var x = new Variable(NDArray.Zeros(2, 3));

        var error = Assert.Throws<ArgumentException>(() => x.Grad = NDArray.Ones(3));

        Assert.Contains("(3,)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3)", error.Message, StringComparison.Ordinal);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Grad_AssignedAndCleared_RoundTrips()
    {
        var x = new Variable(NDArray.Zeros(2));
        var g = new NDArray([1.0, 2.0]);

        x.Grad = g;
        Assert.Same(g, x.Grad);

        x.ClearGrad();
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Data_SetToNull_Throws()
    {
        var x = new Variable(1.0);

        Assert.Throws<ArgumentNullException>(() => x.Data = null!);
    }

    [Fact]
    public void ToString_Scalar_ReadsLikeDeZerosRepr()
    {
        Assert.Equal("variable(0.5)", new Variable(0.5).ToString());
    }

    [Fact]
    public void ToString_Matrix_IndentsContinuationLines()
    {
        var x = new Variable(new NDArray([1.0, 2.0, 3.0, 4.0], 2, 2));

        Assert.Equal("variable([[1. 2.]\n          [3. 4.]])", x.ToString());
    }
}
