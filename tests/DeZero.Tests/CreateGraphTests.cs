using System;
using Xunit;

namespace DeZero.Tests;

// Backward(createGraph: true) and GradVariable: the backward pass recorded as a graph, as DeZero's stage 3 does it.
public sealed class CreateGraphTests
{
    /// <summary>DeZero's stage-3 function: its backward written with variables, so it can be differentiated again.</summary>
    private sealed class Cube : Function
    {
        public override NDArray Forward(NDArray x) => x * x * x;

        public override Variable Backward(Variable gy) => 3.0 * Input * Input * gy;
    }

    /// <summary>Two inputs, the backward on variables: x0 · x1².</summary>
    private sealed class ProductWithSquare : Function
    {
        public override NDArray ForwardAll(NDArray[] xs) => xs[0] * xs[1] * xs[1];

        public override Variable[] BackwardAll(Variable gy)
        {
            var (x0, x1) = (Inputs[0], Inputs[1]);
            return [gy * x1 * x1, gy * 2.0 * x0 * x1];
        }
    }

    [Fact]
    public void GradVariable_AfterPassWithoutCreateGraph_WrapsGradAsTheSameLeafEachTime()
    {
        var x = new Variable(3.0);
        Functions.Square(x).Backward();

        var gx = x.GradVariable!;
        Assert.Null(gx.Creator);
        Assert.Same(x.Grad, gx.Data);
        Assert.Same(gx, x.GradVariable);
        Assert.Equal("variable(6.0)", gx.ToString());
    }

    [Fact]
    public void GradVariable_BeforeAnyPass_IsNull()
    {
        var x = new Variable(3.0);
        Assert.Null(x.GradVariable);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Backward_CreateGraph_GradVariableCarriesTheBackwardGraphAndGradIsItsData()
    {
        var x = new Variable(3.0);
        Functions.Square(x).Backward(createGraph: true);

        var gx = x.GradVariable!;
        Assert.NotNull(gx.Creator);
        Assert.Same(gx.Data, x.Grad);
        Assert.Equal("6.0", x.Grad!.ToString());
    }

    [Fact]
    public void ClearGrad_AfterCreateGraph_ClearsGradAndGradVariable()
    {
        var x = new Variable(3.0);
        Functions.Square(x).Backward(createGraph: true);
        x.ClearGrad();

        Assert.Null(x.Grad);
        Assert.Null(x.GradVariable);
    }

    [Fact]
    public void Backward_CreateGraphInsideNoGrad_RecordsNothing()
    {
        var x = new Variable(3.0);
        var y = Functions.Square(Functions.Sin(x));
        using (Config.NoGrad())
        {
            y.Backward(createGraph: true);
        }

        Assert.Null(x.GradVariable!.Creator);
        Assert.Equal(2 * Math.Sin(3.0) * Math.Cos(3.0), x.Grad!.Item(), 15);
    }

    [Fact]
    public void Backward_CreateGraphTwice_AccumulatesIntoAGraphOfTheSum()
    {
        var x = new Variable(3.0);
        Functions.Square(x).Backward(createGraph: true);
        Functions.Square(x).Backward(createGraph: true);
        var gx = x.GradVariable!;
        Assert.Equal("12.0", x.Grad!.ToString());

        x.ClearGrad();
        gx.Backward();
        Assert.Equal("4.0", x.Grad!.ToString()); // d/dx (2x + 2x)
    }

    [Fact]
    public void Backward_WithoutCreateGraphAfterOne_AddsValuesAndDropsTheGraph()
    {
        var x = new Variable(3.0);
        Functions.Square(x).Backward(createGraph: true);
        Functions.Square(x).Backward();

        Assert.Equal("12.0", x.Grad!.ToString());
        Assert.Null(x.GradVariable!.Creator);
    }

    [Fact]
    public void Backward_CreateGraphOnAVariableUsedTwice_SumsBothPaths()
    {
        var x = new Variable(2.0);
        var y = Functions.Sin(x) * x; // y' = cos x · x + sin x, y'' = -sin x · x + 2 cos x
        y.Backward(createGraph: true);
        var gx = x.GradVariable!;
        Assert.Equal((Math.Cos(2.0) * 2.0) + Math.Sin(2.0), gx.Data.Item(), 15);

        x.ClearGrad();
        gx.Backward();
        Assert.Equal((-Math.Sin(2.0) * 2.0) + (2 * Math.Cos(2.0)), x.Grad!.Item(), 14);
    }

    [Fact]
    public void Backward_RetainGradWithCreateGraph_KeepsIntermediateGradientsAsGraphs()
    {
        var x = new Variable(0.5);
        var a = Functions.Square(x);
        var y = Functions.Exp(a);
        y.Backward(retainGrad: true, createGraph: true);

        Assert.NotNull(a.GradVariable);
        Assert.Equal(Math.Exp(0.25), a.Grad!.Item(), 15);
        Assert.NotNull(y.Grad);
    }

    [Fact]
    public void Backward_CreateGraphWithoutRetainGrad_DropsIntermediateGradients()
    {
        var x = new Variable(0.5);
        var a = Functions.Square(x);
        Functions.Exp(a).Backward(createGraph: true);

        Assert.Null(a.Grad);
        Assert.Null(a.GradVariable);
        Assert.NotNull(x.GradVariable);
    }

    [Fact]
    public void UserFunction_BackwardOnVariables_DifferentiableTwiceAndOnceWithoutCreateGraph()
    {
        var x = new Variable(2.0);
        new Cube().Call(x).Backward();
        Assert.Equal("12.0", x.Grad!.ToString());
        Assert.Null(x.GradVariable!.Creator); // computed without recording

        x.ClearGrad();
        new Cube().Call(x).Backward(createGraph: true);
        var gx = x.GradVariable!;
        x.ClearGrad();
        gx.Backward();
        Assert.Equal("12.0", x.Grad!.ToString()); // 6x
    }

    [Fact]
    public void UserFunction_BackwardOnVariables_DifferentiableToTheFourthOrder()
    {
        // x³ at 2: 12, 12, 6, then nothing (the third derivative no longer depends on x).
        var x = new Variable(2.0);
        new Cube().Call(x).Backward(createGraph: true);
        var printed = new System.Collections.Generic.List<string?>();
        for (var order = 1; order <= 4; order++)
        {
            var gx = x.GradVariable;
            printed.Add(gx?.Data.ToString());
            x.ClearGrad();
            gx?.Backward(createGraph: true);
        }

        Assert.Equal(["12.0", "12.0", "6.0", null], printed);
    }

    [Fact]
    public void UserFunction_SeveralInputsBackwardAllOnVariables_MixedPartial()
    {
        var (x0, x1) = (new Variable(3.0), new Variable(2.0));
        new ProductWithSquare().Call(x0, x1).Backward(createGraph: true);
        Assert.Equal("4.0", x0.Grad!.ToString());
        Assert.Equal("12.0", x1.Grad!.ToString());

        var g0 = x0.GradVariable!;
        x0.ClearGrad();
        x1.ClearGrad();
        g0.Backward();
        Assert.Equal("4.0", x1.Grad!.ToString()); // ∂²/∂x0∂x1 = 2 x1
        Assert.Null(x0.Grad);                     // ∂²/∂x0² = 0: no path back to x0, as in DeZero
    }

    [Fact]
    public void UserFunction_BackwardOnArraysOnly_CreateGraphThrowsNamingTheClass()
    {
        var x = new Variable(2.0);
        var y = new Square().Call(x);

        var error = Assert.Throws<NotSupportedException>(() => y.Backward(createGraph: true));
        Assert.Contains(nameof(Square), error.Message, StringComparison.Ordinal);
        Assert.Contains("Backward(Variable gy)", error.Message, StringComparison.Ordinal);

        y.Backward();
        Assert.Equal("4.0", x.Grad!.ToString());
    }

    [Fact]
    public void UserFunction_CreateGraphInsideNoGrad_UsesTheBackwardOnArrays()
    {
        var x = new Variable(2.0);
        var y = new Square().Call(x);
        using (Config.NoGrad())
        {
            y.Backward(createGraph: true);
        }

        Assert.Equal("4.0", x.Grad!.ToString());
    }

    [Fact]
    public void Backward_GeneratedNodeOverAnArrayAndAZeroDimensionalInput_SumsTheSecondGradientBack()
    {
        var x = new Variable(new NDArray([1.0, 2.0, 3.0]));
        var c = new Variable(2.0);
        (x * x * c).Backward(createGraph: true); // ∂/∂x = 2cx, ∂/∂c = x²
        var gx = x.GradVariable!;
        Assert.Equal("[ 4.  8. 12.]", gx.Data.ToString());
        Assert.Equal(0, c.Grad!.Rank);

        x.ClearGrad();
        c.ClearGrad();
        gx.Backward();
        Assert.Equal("[4. 4. 4.]", x.Grad!.ToString());
        Assert.Equal("12.0", c.Grad!.ToString()); // Σ 2x
        Assert.Equal(0, c.Grad.Rank);
    }
}
