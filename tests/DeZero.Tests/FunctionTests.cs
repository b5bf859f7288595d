using System;
using Xunit;

namespace DeZero.Tests;

// Function's contract: Call's bookkeeping, the one-input and the general forms, and what a subclass forgot.
public sealed class FunctionTests
{
    [Fact]
    public void Call_RecordsInputOutputAndGeneration()
    {
        var A = new Square();
        var x = new Variable(3.0);

        var a = A.Call(x);

        Assert.Same(A, a.Creator);
        Assert.Same(x, A.Input);
        Assert.Same(a, A.Output);
        Assert.Equal([x], A.Inputs);
        Assert.Equal([a], A.Outputs);
        Assert.Equal(0, A.Generation);
        Assert.Equal(1, a.Generation);
    }

    [Fact]
    public void Call_SeveralInputs_TakesTheLargestGeneration()
    {
        var x = new Variable(1.0);
        var deep = Functions.Exp(Functions.Exp(x));
        var f = new Sum2();

        var y = f.Call(x, deep);

        Assert.Equal(2, f.Generation);
        Assert.Equal(3, y.Generation);
        Assert.Equal([x, deep], f.Inputs);
    }

    [Fact]
    public void Input_WithSeveralInputs_ThrowsPointingToInputs()
    {
        var f = new Sum2();
        f.Call(new Variable(1.0), new Variable(2.0));

        var error = Assert.Throws<InvalidOperationException>(() => f.Input);

        Assert.Contains("Inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InputAndOutput_BeforeAnyCall_Throw()
    {
        var f = new Square();

        Assert.Throws<InvalidOperationException>(() => f.Input);
        Assert.Throws<InvalidOperationException>(() => f.Output);
        Assert.Empty(f.Inputs);
        Assert.Empty(f.Outputs);
    }

    [Fact]
    public void Forward_NotOverridden_ThrowsNotImplementedNamingTheType()
    {
        var f = new Nothing();

        var error = Assert.Throws<NotImplementedException>(() => f.Forward(1.0));

        Assert.Contains(nameof(Nothing), error.Message, StringComparison.Ordinal);
        Assert.Contains("Forward", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_NotOverridden_ThrowsNotImplementedNamingTheType()
    {
        var f = new ForwardOnly();
        var y = f.Call(new Variable(1.0));

        Assert.Equal(2.0, y.Data.Item());
        var direct = Assert.Throws<NotImplementedException>(() => f.Backward(1.0));
        Assert.Contains(nameof(ForwardOnly), direct.Message, StringComparison.Ordinal);
        Assert.Contains("Backward", direct.Message, StringComparison.Ordinal);
        Assert.Throws<NotImplementedException>(() => y.Backward());
    }

    [Fact]
    public void Call_OneInputFunctionWithTwoInputs_ThrowsNamingForwardAll()
    {
        var error = Assert.Throws<NotImplementedException>(() => new Square().Call(new Variable(1.0), new Variable(2.0)));

        Assert.Contains("ForwardAll", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Square), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_NullOrNoInputs_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new Square().Call(null!));
        Assert.Throws<ArgumentNullException>(() => new Square().Call([null!]));
        Assert.Throws<ArgumentException>(() => new Square().Call());
    }

    [Fact]
    public void BackwardAll_BeforeAnyCall_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => new Square().BackwardAll(1.0));
    }

    [Fact]
    public void Backward_TwoInputsWithoutBackwardAll_ThrowsNamingBackwardAll()
    {
        var y = new ForwardAllOnly().Call(new Variable(1.0), new Variable(2.0));

        var error = Assert.Throws<NotImplementedException>(() => y.Backward());

        Assert.Contains("BackwardAll", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ForwardAllOnly), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneralForm_TwoInputs_BackpropagatesBothGradients()
    {
        var a = new Variable(2.0);
        var b = new Variable(3.0);
        var y = new Sum2().Call(a, b);
        y.Backward();

        Assert.Equal(5.0, y.Data.Item());
        Assert.Equal(1.0, a.Grad!.Item());
        Assert.Equal(1.0, b.Grad!.Item());
    }

    [Fact]
    public void Call_NeverChangesTheInputsData()
    {
        var x = new Variable(new NDArray([1.0, 2.0]));
        var before = x.Data;

        Functions.Square(x).Backward();

        Assert.Same(before, x.Data);
        Assert.Equal([1.0, 2.0], x.Data.ToArray());
    }

    private sealed class Nothing : Function
    {
    }

    private sealed class ForwardOnly : Function
    {
        public override NDArray Forward(NDArray x) => 2 * x;
    }

    private sealed class ForwardAllOnly : Function
    {
        public override NDArray ForwardAll(NDArray[] xs) => xs[0] * xs[1];
    }

    private sealed class Sum2 : Function
    {
        public override NDArray ForwardAll(NDArray[] xs) => xs[0] + xs[1];

        public override NDArray[] BackwardAll(NDArray gy) => [gy, gy];
    }
}
