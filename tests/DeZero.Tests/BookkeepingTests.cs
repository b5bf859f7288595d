using System;
using System.Collections.Generic;
using Xunit;

namespace DeZero.Tests;

// Issue 14's bookkeeping: one-element gradients kept as plain doubles until asked for, shapes shared, the backward
// queue reused, scalars without data arrays. What a user sees must not change: these pin that down.
public sealed class BookkeepingTests
{
    [Fact]
    public void Grad_OfOneElementVariableOfRankOne_HasItsShape()
    {
        var x = new Variable(NDArray.Wrap([0.5]));
        var y = Functions.Exp(x);
        y.Backward(retainGrad: true);

        Assert.Equal([1], x.Grad!.Shape);
        Assert.Equal([1], y.Grad!.Shape);
        Assert.Equal(Math.Exp(0.5), x.Grad[0]);
        Assert.Equal(1.0, y.Grad[0]);
    }

    [Fact]
    public void Grad_ReadTwice_IsTheSameArray()
    {
        var x = new Variable(0.5);
        Functions.Square(x).Backward();

        Assert.Same(x.Grad, x.Grad);
        Assert.Equal(1.0, x.Grad!.Item());
    }

    [Fact]
    public void Backward_TwicePassesOnScalars_AddsUpAsArraysWould()
    {
        var x = new Variable(0.1);
        Functions.Mul(x, new Variable(0.2)).Backward();
        Functions.Mul(x, new Variable(0.7)).Backward();

        Assert.Equal(0.2 + 0.7, x.Grad!.Item()); // the same IEEE sum NDArray addition gives
    }

    [Fact]
    public void Backward_OntoAGradientSetByHand_AddsToIt()
    {
        var x = new Variable(2.0) { Grad = 10.0 };
        Functions.Square(x).Backward();

        Assert.Equal(14.0, x.Grad!.Item());
    }

    [Fact]
    public void Backward_OntoAnUnreadGradientAfterGradWasRead_KeepsAccumulating()
    {
        var x = new Variable(2.0);
        Functions.Square(x).Backward();
        var first = x.Grad!;
        Functions.Square(x).Backward();

        Assert.Equal(4.0, first.Item()); // arrays never change: the first gradient stays what it was
        Assert.Equal(8.0, x.Grad!.Item());
    }

    [Fact]
    public void Data_ReplacedAfterBackward_GradientKeepsTheShapeItWasComputedFor()
    {
        var x = new Variable(NDArray.Wrap([3.0]));
        Functions.Square(x).Backward();
        x.Data = NDArray.Zeros(2, 2);

        Assert.Equal([1], x.Grad!.Shape);
        Assert.Equal(6.0, x.Grad[0]);
    }

    [Fact]
    public void Backward_WithoutRetainGrad_LeavesNoGradientOnIntermediates()
    {
        var x = new Variable(0.5);
        var a = Functions.Square(x);
        var y = Functions.Exp(a);
        y.Backward();

        Assert.Null(a.Grad);
        Assert.Null(y.Grad);
        Assert.Equal(2 * 0.5 * Math.Exp(0.25), x.Grad!.Item(), 15);
    }

    [Fact]
    public void ClearGrad_DropsAnUnreadGradient()
    {
        var x = new Variable(0.5);
        Functions.Square(x).Backward();
        x.ClearGrad();

        Assert.Null(x.Grad);
    }

    [Fact]
    public void Backward_InsideAUsersBackward_RunsItsOwnPass()
    {
        var x = new Variable(3.0);
        var inner = new Variable(4.0);
        var y = new Nested(inner).Call(x);
        y.Backward();

        Assert.Equal(1.0, x.Grad!.Item());
        Assert.Equal(8.0, inner.Grad!.Item());
    }

    [Fact]
    public void Backward_WideGraph_RunsEveryFunctionOnce()
    {
        var x = new Variable(1.0);
        var terms = new List<Variable>();
        for (var i = 0; i < 2000; i++)
        {
            terms.Add(Functions.Mul(x, new Variable(i)));
        }

        var y = terms[0];
        for (var i = 1; i < terms.Count; i++)
        {
            y = Functions.Add(y, terms[i]);
        }

        y.Backward();
        Assert.Equal(1999.0 * 2000.0 / 2.0, x.Grad!.Item());
        y.Backward(); // a second pass reuses the queue: nothing from the first may leak into it
        Assert.Equal(1999.0 * 2000.0, x.Grad!.Item());
    }

    [Fact]
    public void Shape_IsReadOnlyAndNotAnArray()
    {
        var x = NDArray.Zeros(2, 3);

        Assert.IsNotType<int[]>(x.Shape);
        Assert.Equal([2, 3], x.Shape);
        Assert.Equal(2, x.Shape.Count);
        Assert.Equal(3, x.Shape[1]);
    }

    [Fact]
    public void Arithmetic_OnOneElement_IsPlainIeeeArithmetic()
    {
        NDArray a = 0.1, b = 0.2;

        Assert.Equal(0.1 + 0.2, (a + b).Item());
        Assert.Equal(0.1 / 0.2, (a / b).Item());
        Assert.Equal([1], (NDArray.Wrap([0.1]) * b).Shape);
        Assert.True(double.IsNegative((-(NDArray)0.0).Item()));
    }

    [Fact]
    public void AsSpan_OfAScalar_ReadsItsOneElement()
    {
        NDArray x = 2.5;

        Assert.Equal(1, x.AsSpan().Length);
        Assert.Equal(2.5, x.AsSpan()[0]);
        Assert.Equal([2.5], x.ToArray());
    }

    [Fact]
    public void Inputs_OfOneInputFunction_ListsIt()
    {
        var x = new Variable(1.0);
        var y = Functions.Exp(x);

        Assert.Same(x, Assert.Single(y.Creator!.Inputs));
        Assert.Same(x, y.Creator.Input);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Backward_LargeArraysThroughAChain_GradientsExactWithOrWithoutRetainGrad(bool retainGrad)
    {
        // Long enough for the pass to write a node's input gradient over its output's (see BackwardQueue.Own).
        var values = new double[40_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i % 200 / 100.0) - 1.0;
        }

        var x = new Variable(new NDArray(values));
        var a = Functions.Square(x);
        var b = Functions.Exp(a);
        var y = Functions.Square(b);
        y.Backward(retainGrad);

        for (var i = 0; i < values.Length; i += 997)
        {
            var v = values[i];
            Assert.Equal(4 * v * Math.Exp(2 * v * v), x.Grad![i], 12);
        }

        if (retainGrad)
        {
            Assert.Equal(1.0, y.Grad![7]);
            Assert.Equal(2 * b.Data[7], b.Grad![7]);
            Assert.Equal(2 * b.Data[7] * b.Data[7], a.Grad![7], 12);
        }
        else
        {
            Assert.Null(a.Grad);
            Assert.Null(b.Grad);
        }
    }

    [Fact]
    public void Backward_FromALargeGradientSetByHand_LeavesThatArrayAlone()
    {
        var ones = new double[40_000];
        Array.Fill(ones, 2.0);
        var x = new Variable(NDArray.Zeros(40_000) + 0.5);
        var y = Functions.Exp(x);
        y.Grad = NDArray.Wrap(ones);
        y.Backward();

        Assert.All(ones, v => Assert.Equal(2.0, v));
        Assert.Equal(2.0 * Math.Exp(0.5), x.Grad![123], 14);
    }

    [Fact]
    public void Backward_LargeIntermediateUsedTwice_AddsBothGradients()
    {
        var x = new Variable(NDArray.Zeros(40_000) + 0.7);
        var a = Functions.Square(x);
        var y = Functions.Add(Functions.Exp(a), Functions.Square(a));
        y.Backward();

        // dy/dx = 2x·exp(x²) + 4x³
        Assert.Equal((2 * 0.7 * Math.Exp(0.49)) + (4 * 0.7 * 0.7 * 0.7), x.Grad![39_999], 12);
    }

    // A user's function whose backward runs a backward pass of its own, on another graph.
    private sealed class Nested(Variable inner) : Function
    {
        public override NDArray Forward(NDArray x) => x;

        public override NDArray Backward(NDArray gy)
        {
            Functions.Square(inner).Backward();
            return gy;
        }
    }
}
