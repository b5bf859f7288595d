using System;
using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Calculus;
using DeZero.Generators.Model;
using DeZero.Generators.Tests.Infrastructure;
using Xunit;
using static DeZero.Generators.Model.Expressions;

namespace DeZero.Generators.Tests.Calculus;

// Inside the namespace, so it wins over DeZero.Variable of the runtime, which an enclosing namespace finds first.
using Variable = DeZero.Generators.Model.Variable;

/// <summary>
/// Layer 1, no Roslyn: the second derivatives (forward over forward, the program of <c>…WithHessian</c>) of the
/// hand-built methods of <see cref="DifferentiatorTests"/>, run in the model's interpreter against closed forms and
/// central differences of the first derivatives; each catalog rule's second partials; and the node's backward as a
/// graph, run in the interpreter too.
/// </summary>
public sealed class SecondOrderTests
{
    private static readonly MemberRef CubeHessian = new("global::Lib.Ops.CubeFunction.Kernel", "Hessian");

    /// <summary>∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y² of each hand-built method (n = 3), by hand.</summary>
    private static readonly Dictionary<string, Func<double, double, double[]>> Hessians = new()
    {
        ["StraightLine"] = (x, y) =>
        {
            // f = b·a with a = xy, b = e^a + sin x.
            var (a, e) = (x * y, Math.Exp(x * y));
            var (b, bx, by) = (e + Math.Sin(x), (y * e) + Math.Cos(x), x * e);
            var (bxx, bxy, byy) = ((y * y * e) - Math.Sin(x), e + (x * y * e), x * x * e);
            return [(bxx * a) + (2 * bx * y), (bxy * a) + (bx * x) + (by * y) + b, (byy * a) + (2 * by * x)];
        },
        ["Branch"] = (x, y) => x > y ? [2, 0, 0] : [0, 0, 1 / y],
        ["ConditionalExpression"] = (x, y) => x > 0 ? [0, 1, 0] : [0, 0, 0],
        ["ForLoop"] = (x, y) => [2 * y, (2 * x) + 1, 0],
        ["DoLoopWithEffectsInNext"] = (x, y) => [6 * (x + y), 6 * (x + y), 6 * (x + y)],
        ["ContinueWithTangentIncrementor"] = (x, y) => [(2 + (6 * x)) * y, (2 * x) + (3 * x * x), 0],
        ["ReassignedParameter"] = (x, y) => [0, 2, 0],
        ["ScaledSquare"] = (x, y) => [6, -6, 6],
        ["EarlyReturn"] = (x, y) => x < 0 ? [0, 0, 0] : Enumerable.Repeat(-0.25 * Math.Pow(x + y, -1.5), 3).ToArray(),
        ["CallWithGradient"] = (x, y) => [6 * x * y * y * y, 9 * x * x * y * y, 6 * x * x * x * y],
        ["LocalFunction"] = (x, y) =>
        {
            // f = g(xy)·y, g(u) = u sin u: g' = sin u + u cos u, g'' = 2 cos u - u sin u.
            var u = x * y;
            var (g1, g2) = (Math.Sin(u) + (u * Math.Cos(u)), (2 * Math.Cos(u)) - (u * Math.Sin(u)));
            return [y * y * y * g2, (2 * y * g1) + (x * y * y * g2), (x * x * y * g2) + (2 * x * g1)];
        },
    };

    private static readonly (double X, double Y)[] Points = [(0.7, 1.3), (1.9, 0.4), (-0.6, 2.2), (0.35, 0.9)];

    public static TheoryData<string> Names() => [.. Hessians.Keys];

    [Fact]
    public void Hessians_EveryHandBuiltMethod_HasAClosedFormHere()
    {
        // Every one has second derivatives, a local function's included (a second-derivative function beside it).
        Assert.Equal(DifferentiatorTests.Methods.Keys.Order(), Hessians.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void BuildHessian_HandBuiltMethod_ValueAndPartialsBitForBitSecondDerivativesMatchClosedForms(string name)
    {
        var method = DifferentiatorTests.Method(DifferentiatorTests.Methods[name].Body);
        var derivative = Differentiator.Differentiate(method);
        Assert.NotNull(derivative.Hessian);
        var interpreter = new Interpreter(Calls);

        foreach (var (x, y) in Points)
        {
            var arguments = new Dictionary<string, double> { ["x"] = x, ["y"] = y, ["n"] = 3 };
            var gradient = interpreter.Run(derivative.Gradient, arguments);
            var hessian = interpreter.Run(derivative.Hessian!, arguments);

            Assert.Equal(6, hessian.Length);
            for (var i = 0; i < 3; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(gradient[i]) == BitConverter.DoubleToInt64Bits(hessian[i]), $"{name}[{i}] at ({x}, {y}): {hessian[i]:R}, …WithGradient {gradient[i]:R}");
            }

            var closed = Hessians[name](x, y);
            var numeric = Numeric(interpreter, derivative.Gradient, arguments);
            for (var i = 0; i < 3; i++)
            {
                Assert.True(Close(hessian[3 + i], closed[i], 1e-12), $"{name} H{i} at ({x}, {y}): program {hessian[3 + i]:R}, closed form {closed[i]:R}");
                Assert.True(Close(hessian[3 + i], numeric[i], 1e-6), $"{name} H{i} at ({x}, {y}): program {hessian[3 + i]:R}, central difference {numeric[i]:R}");
            }
        }
    }

    [Fact]
    public void BuildHessian_CallToSuppliedDerivative_SaysWhyThereIsNone()
    {
        var erf = new UserCall(new MemberRef("global::Special.Functions", "Erf"), new MemberRef("global::Lib.Derivatives", "ErfWithGradient"), "M:Special.Functions.Erf(System.Double)", EquatableArray.Of(Mul(Var("x"), Var("y"))), EquatableArray.Of(true));
        var derivative = Differentiator.Differentiate(DifferentiatorTests.Method([new Return(erf)]));

        Assert.Null(derivative.Hessian);
        Assert.Equal("it calls Special.Functions.Erf(System.Double), whose derivative is supplied with [DerivativeOf], which gives first derivatives only", derivative.NoHessian);
    }

    [Fact]
    public void BuildHessian_ReasonFromParsing_IsKeptAndNoProgramWritten()
    {
        var method = DifferentiatorTests.Method([new Return(Mul(Var("x"), Var("y")))]) with { NoSecondDerivatives = "it calls Lib.Old.G(double)" };
        var derivative = Differentiator.Differentiate(method);

        Assert.Null(derivative.Hessian);
        Assert.Equal("it calls Lib.Old.G(double)", derivative.NoHessian);
    }

    public static TheoryData<string, int> Entries()
    {
        var data = new TheoryData<string, int>();
        foreach (var entry in Catalog.Functions.Where(f => !f.IsPiecewiseConstant))
        {
            data.Add(entry.Name, entry.MinArity);
        }

        return data;
    }

    /// <summary>Smooth points inside every entry's domain (Acosh needs x > 1, Atanh |x| &lt; 1, Log's base ≠ 1).</summary>
    private static readonly Dictionary<int, double[][]> EntryPoints = new()
    {
        [1] = [[0.3], [0.77], [-0.45], [0.9]],
        [2] = [[0.3, 1.7], [2.5, 0.6], [0.8, 1.3], [1.9, 3.1]],
        [3] = [[0.3, -1.0, 1.0], [1.5, -1.0, 1.0], [-2.0, -1.0, 1.0], [0.7, 0.2, 2.0]],
    };

    // Functions with an int argument, never differentiated (RootN's n, ScaleB's n), which the interpreter runs only as ints.
    private static readonly HashSet<string> WithIntArgument = ["RootN", "ScaleB"];

    [Theory]
    [MemberData(nameof(Entries))]
    public void SecondPartials_EveryCatalogEntry_MatchCentralDifferencesOfItsFirst(string name, int arity)
    {
        if (WithIntArgument.Contains(name))
        {
            return;
        }

        var function = Catalog.Find(name, arity)!;
        var arguments = Enumerable.Range(0, arity).Select(i => (Expr)Var("$" + i)).ToArray();
        var call = new MathCall(name, arguments.ToEquatableArray(), ValueKind.Double);
        var partials = function.Partials(arguments, call);
        var interpreter = new Interpreter();
        foreach (var point in EntryPoints[arity])
        {
            var shifted = name == "Acosh" ? point.Select(v => Math.Abs(v) + 1.2).ToArray() : point;
            var values = Enumerable.Range(0, arity).ToDictionary(i => "$" + i, i => shifted[i]);
            for (var i = 0; i < arity; i++)
            {
                for (var j = 0; j < arity; j++)
                {
                    var by = "$" + j;
                    var second = Simplifier.Simplify(Symbolic.Derivative(partials[i], v => v == by ? Constant.One : null));
                    const double h = 1e-6;
                    var up = new Dictionary<string, double>(values) { [by] = values[by] + h };
                    var down = new Dictionary<string, double>(values) { [by] = values[by] - h };
                    var numeric = (interpreter.Evaluate(partials[i], up) - interpreter.Evaluate(partials[i], down)) / (2 * h);
                    var symbolic = interpreter.Evaluate(second, values);
                    Assert.True(Close(symbolic, numeric, 1e-6), $"∂²{name}/∂{i}∂{j} at ({string.Join(", ", shifted)}): symbolic {symbolic:R}, central difference {numeric:R}");
                }
            }
        }
    }

    [Fact]
    public void Derivative_NaNBranchOfARule_StaysNaN()
    {
        // Abs' is 1, -1, 0, or NaN for a NaN argument; its derivative keeps the NaN, so Abs'' of NaN is NaN too.
        var abs = Catalog.Find("Abs", 1)!;
        var second = Simplifier.Simplify(Symbolic.Derivative(abs.Partials([Var("$0")], Var("$t"))[0], v => v == "$0" ? Constant.One : null));
        var interpreter = new Interpreter();

        Assert.Equal(0.0, interpreter.Evaluate(second, new Dictionary<string, double> { ["$0"] = 2.0 }));
        Assert.True(double.IsNaN(interpreter.Evaluate(second, new Dictionary<string, double> { ["$0"] = double.NaN })));
    }

    [Theory]
    [InlineData("StraightLine", true)]
    [InlineData("ScaledSquare", true)]
    [InlineData("ReassignedParameter", true)]
    [InlineData("Branch", false)]
    [InlineData("ConditionalExpression", false)]
    [InlineData("ForLoop", false)]
    [InlineData("EarlyReturn", false)]
    [InlineData("CallWithGradient", false)]
    public void GraphBackward_Body_OnlyStraightLineBodiesHaveOne(string name, bool hasGraph)
    {
        var derivative = Differentiator.Differentiate(DifferentiatorTests.Method(DifferentiatorTests.Methods[name].Body));
        Assert.Equal(hasGraph, derivative.Graph is not null);
    }

    /// <summary>Straight-line methods whose graph the interpreter runs: the partials it gives are the program's.</summary>
    private static readonly Dictionary<string, Stmt[]> StraightLine = new()
    {
        ["StraightLine"] = DifferentiatorTests.Methods["StraightLine"].Body,
        ["ScaledSquare"] = DifferentiatorTests.Methods["ScaledSquare"].Body,
        ["ReassignedParameter"] = DifferentiatorTests.Methods["ReassignedParameter"].Body,
        ["ExpOfProduct"] = [new Return(Call("Exp", Mul(Var("x"), Var("y"))))],
        ["Kinks"] = [new Return(Add(Add(Call("Abs", Var("x")), Call("Max", Var("x"), Var("y"))), Call("Pow", Var("x"), Var("y"))))],
        ["Floor"] = [new Return(Mul(Var("x"), Call("Floor", Var("y"))))],
        ["IntParameter"] = [new Declare("k", ValueKind.Int, new Binary(BinaryOp.Multiply, Var("n", ValueKind.Int), new Constant(2, ValueKind.Int), ValueKind.Int)), new Return(Mul(Call("Sin", Var("x")), new Model.Convert(Var("k", ValueKind.Int), ValueKind.Double)))],
    };

    public static TheoryData<string> StraightLineNames() => [.. StraightLine.Keys];

    [Theory]
    [MemberData(nameof(StraightLineNames))]
    public void GraphBackward_StraightLineBody_ComputesTheProgramsPartials(string name)
    {
        var method = DifferentiatorTests.Method(StraightLine[name]);
        var derivative = Differentiator.Differentiate(method);
        var graph = derivative.Graph ?? throw new InvalidOperationException($"{name} has no graph");
        var interpreter = new Interpreter(Calls);
        foreach (var (x, y) in Points)
        {
            var arguments = new Dictionary<string, double> { ["x"] = x, ["y"] = y, ["n"] = 3 };
            var program = interpreter.Run(derivative.Gradient, arguments);

            // The graph's statements, then its partials, with the output bound to the method's value.
            var variables = new Dictionary<string, double>(arguments) { [graph.Output] = interpreter.Run(method.Body, arguments)[0] };
            var partials = interpreter.Run(new Block(graph.Body.Statements.Append(new ReturnTuple(graph.Partials)).ToEquatableArray()), variables);
            for (var i = 0; i < 2; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(program[1 + i]) == BitConverter.DoubleToInt64Bits(partials[i]), $"{name} ∂{i} at ({x}, {y}): graph {partials[i]:R}, program {program[1 + i]:R}");
            }
        }
    }

    [Fact]
    public void GraphBackward_PartialReadingTheValue_ReadsTheOutputAndDropsTheRest()
    {
        var derivative = Differentiator.Differentiate(DifferentiatorTests.Method(StraightLine["ExpOfProduct"]));
        var graph = derivative.Graph!;

        // e^(xy): ∂x = y·t and ∂y = x·t with t the value itself, the node's output; nothing is computed again.
        var declaration = Assert.Single(graph.Body.Statements);
        Assert.Equal(new Declare("t1", ValueKind.Double, Var(graph.Output)), declaration);
        Assert.Equal([Mul(Var("t1"), Var("y")), Mul(Var("t1"), Var("x"))], graph.Partials.ToArray());
    }

    [Fact]
    public void GraphBackward_IntComputedFromAnInput_HasNoGraph()
    {
        // k = (int)x holds one value per element over arrays: an int cannot, so the node takes the second-order path.
        var body = new Stmt[]
        {
            new Declare("k", ValueKind.Int, new Model.Convert(Var("x"), ValueKind.Int)),
            new Return(Mul(Var("x"), new Model.Convert(Var("k", ValueKind.Int), ValueKind.Double))),
        };
        var derivative = Differentiator.Differentiate(DifferentiatorTests.Method(body));

        Assert.Null(derivative.Graph);
        Assert.NotNull(derivative.Hessian);
    }

    private static double[] Calls(MemberRef member, double[] arguments)
    {
        var u = arguments[0];
        return member.Name switch
        {
            "Cube" => [u * u * u],
            "CubeWithGradient" => [u * u * u, 3 * u * u],
            "Hessian" when member == CubeHessian => [u * u * u, 3 * u * u, 6 * u],
            _ => throw new InvalidOperationException(member.Name),
        };
    }

    /// <summary>Central differences of the first partials: ∂²/∂x², ∂²/∂x∂y (from ∂/∂y of ∂x), ∂²/∂y².</summary>
    private static double[] Numeric(Interpreter interpreter, Block gradient, Dictionary<string, double> arguments)
    {
        const double h = 1e-6;
        double[] At(string parameter, double shift) =>
            interpreter.Run(gradient, new Dictionary<string, double>(arguments) { [parameter] = arguments[parameter] + shift });
        var (xUp, xDown, yUp, yDown) = (At("x", h), At("x", -h), At("y", h), At("y", -h));
        return [(xUp[1] - xDown[1]) / (2 * h), (yUp[1] - yDown[1]) / (2 * h), (yUp[2] - yDown[2]) / (2 * h)];
    }

    private static bool Close(double a, double b, double tolerance) =>
        (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(a) + Math.Abs(b));

    private static Variable Var(string name, ValueKind kind = ValueKind.Double) => new(name, kind);
}
