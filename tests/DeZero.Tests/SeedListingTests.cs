using Xunit;

namespace DeZero.Tests;

// Every listing of the seed (steps 1-9), written as a reader of the book writes it, printing what the seed prints.
public sealed class SeedListingTests
{
    [Fact]
    public void Step1_VariableHoldsData_DataPrintsAsPythonFloat()
    {
        NDArray data = 1.0;
        var x = new Variable(data);
        Assert.Equal("1.0", x.Data.ToString());

        x.Data = 2.0;
        Assert.Equal("2.0", x.Data.ToString());
    }

    [Fact]
    public void Step1_ArraysOfEachRank_ReportTheirRank()
    {
        NDArray scalar = 1.0;
        var vector = new NDArray([1.0, 2.0, 3.0]);
        var matrix = new NDArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3);

        Assert.Equal(0, scalar.Rank);
        Assert.Equal(1, vector.Rank);
        Assert.Equal(2, matrix.Rank);
    }

    [Fact]
    public void Step2_FunctionOfTen_ReturnsVariableHolding100()
    {
        var x = new Variable(10.0);
        var f = new Square();
        var y = f.Call(x);

        Assert.Equal("DeZero.Variable", y.GetType().ToString());
        Assert.Equal("100.0", y.Data.ToString());
    }

    [Fact]
    public void Step3_SquareExpSquareAtHalf_Prints1648721270700128()
    {
        var A = new Square();
        var B = new Exp();
        var C = new Square();

        var x = new Variable(0.5);
        var a = A.Call(x);
        var b = B.Call(a);
        var y = C.Call(b);

        Assert.Equal("1.648721270700128", y.Data.ToString());
    }

    [Fact]
    public void Step4_NumericalDiffOfSquareAtTwo_Prints4000000000004()
    {
        var f = new Square();
        var x = new Variable(2.0);
        var dy = Numerical.Diff(f, x);

        Assert.Equal("4.000000000004", dy.ToString());
    }

    [Fact]
    public void Step4_NumericalDiffOfCompositeAtHalf_Prints32974426293330694()
    {
        static Variable f(Variable x)
        {
            var A = new Square();
            var B = new Exp();
            var C = new Square();
            return C.Call(B.Call(A.Call(x)));
        }

        var x = new Variable(0.5);
        var dy = Numerical.Diff(f, x);

        Assert.Equal("3.2974426293330694", dy.ToString());
    }

    [Fact]
    public void Step6_ManualBackprop_Prints3297442541400256()
    {
        var A = new Square();
        var B = new Exp();
        var C = new Square();

        var x = new Variable(0.5);
        var a = A.Call(x);
        var b = B.Call(a);
        var y = C.Call(b);

        y.Grad = 1.0;
        b.Grad = C.Backward(y.Grad);
        a.Grad = B.Backward(b.Grad);
        x.Grad = A.Backward(a.Grad);

        Assert.Equal("3.297442541400256", x.Grad.ToString());
    }

    [Fact]
    public void Step7_CreatorLinks_LeadBackFromOutputToInput()
    {
        var A = new Square();
        var B = new Exp();
        var C = new Square();

        var x = new Variable(0.5);
        var a = A.Call(x);
        var b = B.Call(a);
        var y = C.Call(b);

        Assert.Same(C, y.Creator);
        Assert.Same(b, y.Creator!.Input);
        Assert.Same(B, y.Creator.Input.Creator);
        Assert.Same(a, y.Creator.Input.Creator!.Input);
        Assert.Same(A, y.Creator.Input.Creator.Input.Creator);
        Assert.Same(x, y.Creator.Input.Creator.Input.Creator!.Input);
        Assert.Null(x.Creator);
    }

    [Fact]
    public void Step7_BackpropByFollowingCreators_Prints3297442541400256()
    {
        Function A = new Square();
        Function B = new Exp();
        Function C = new Square();

        var x = new Variable(0.5);
        var a = A.Call(x);
        var b = B.Call(a);
        var y = C.Call(b);

        y.Grad = 1.0;

        C = y.Creator!;
        b = C.Input;
        b.Grad = C.Backward(y.Grad);

        B = b.Creator!;
        a = B.Input;
        a.Grad = B.Backward(b.Grad);

        A = a.Creator!;
        x = A.Input;
        x.Grad = A.Backward(a.Grad);

        Assert.Equal("3.297442541400256", x.Grad.ToString());
    }

    [Fact]
    public void Step7And8_VariableBackward_Prints3297442541400256()
    {
        var A = new Square();
        var B = new Exp();
        var C = new Square();

        var x = new Variable(0.5);
        var a = A.Call(x);
        var b = B.Call(a);
        var y = C.Call(b);

        y.Grad = 1.0;
        y.Backward();

        Assert.Equal("3.297442541400256", x.Grad?.ToString());
    }

    [Fact]
    public void Step9_PlainFunctionsWithoutSeedingGrad_Prints3297442541400256()
    {
        var x = new Variable(0.5);
        var y = Functions.Square(Functions.Exp(Functions.Square(x)));
        y.Backward();

        Assert.Equal("3.297442541400256", x.Grad?.ToString());
    }

    [Fact]
    public void Step9_BuiltInsAndSeedClasses_GiveBitIdenticalGradients()
    {
        var x1 = new Variable(0.5);
        Functions.Square(Functions.Exp(Functions.Square(x1))).Backward();

        var x2 = new Variable(0.5);
        new Square().Call(new Exp().Call(new Square().Call(x2))).Backward();

        Assert.Equal(x2.Grad!.Item(), x1.Grad!.Item());
        Assert.Equal(2 * System.Math.Exp(0.5), x1.Grad.Item(), 15);
    }
}
