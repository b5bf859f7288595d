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
/// Layer 1, no Roslyn: the derivative model of small hand-built methods. Each method and its value-and-gradient
/// program run in the model's interpreter; the program returns the method's value bit for bit and partials that agree
/// with central differences of the method and with closed forms; the doc formulas compute what the program does.
/// </summary>
public sealed class DifferentiatorTests
{
    private static readonly Expr X = Var("x");
    private static readonly Expr Y = Var("y");

    private static readonly MemberRef Cube = new("global::Lib.Ops", "Cube");
    private static readonly MemberRef CubeWithGradient = new("global::Lib.Ops", "CubeWithGradient");

    /// <summary>Hand-built methods of x and y (and an int n), with a closed form of their partials where one is short.</summary>
    internal static readonly Dictionary<string, (Stmt[] Body, Func<double, double, double[]>? Closed)> Methods = new()
    {
        ["StraightLine"] = (
            [Let("a", Mul(X, Y)), Let("b", Add(Call("Exp", Var("a")), Call("Sin", X))), Ret(Mul(Var("b"), Var("a")))],
            (x, y) => [(((y * Math.Exp(x * y)) + Math.Cos(x)) * x * y) + ((Math.Exp(x * y) + Math.Sin(x)) * y), x * Math.Exp(x * y) * x * y + ((Math.Exp(x * y) + Math.Sin(x)) * x)]),
        ["Branch"] = (
            [new Declare("r", ValueKind.Double, null), new If(Gt(X, Y), Body(Set("r", Mul(X, X))), Body(Set("r", Mul(Y, Call("Log", Y))))), Ret(Var("r"))],
            (x, y) => x > y ? [2 * x, 0] : [0, Math.Log(y) + 1]),
        ["ConditionalExpression"] = (
            [Ret(Choose(Gt(X, C(0)), Mul(X, Y), Neg(Y)))],
            (x, y) => x > 0 ? [y, x] : [0, -1]),
        ["ForLoop"] = (
            [Let("s", C(0)), new Loop(Body(new Declare("i", ValueKind.Int, Int(0))), Lt(Var("i", ValueKind.Int), Var("n", ValueKind.Int)), false, Body(Set("s", Add(Mul(Var("s"), X), Y))), Body(Step("i"))), Ret(Var("s"))],
            (x, y) => [y * ((2 * x) + 1), (x * x) + x + 1]), // n = 3: s = y·x² + y·x + y
        ["DoLoopWithEffectsInNext"] = (
            [Let("s", C(1)), new Declare("k", ValueKind.Int, Var("n", ValueKind.Int)), new Loop(Block.Empty, Gt(Var("k", ValueKind.Int), Int(0)), true, Body(new Assign("s", Mul(Var("s"), Add(X, Y)), AssignmentForm.Compound)), Body(Step("k", BinaryOp.Subtract))), Ret(Var("s"))],
            (x, y) => [3 * (x + y) * (x + y), 3 * (x + y) * (x + y)]), // n = 3 trips: (x + y)³
        ["ContinueWithTangentIncrementor"] = (
            [Let("s", C(0)), Let("p", C(1)), new Loop(Body(new Declare("i", ValueKind.Int, Int(0))), Lt(Var("i", ValueKind.Int), Int(4)), false, Body(new If(Eq(Var("i", ValueKind.Int), Int(1)), Body(new Continue()), null), Set("s", Add(Var("s"), Var("p")))), Body(Step("i"), Set("p", Mul(Var("p"), X)))), Ret(Mul(Var("s"), Y))],
            (x, y) => [((2 * x) + (3 * x * x)) * y, 1 + (x * x) + (x * x * x)]), // s = 1 + x² + x³: the i = 1 term is skipped, p still updated
        ["ReassignedParameter"] = (
            [Set("x", Mul(X, C(2))), Ret(Mul(X, Y))],
            (x, y) => [2 * y, 2 * x]),
        ["ScaledSquare"] = (
            [Ret(Mul(Mul(C(3), Sub(X, Y)), Sub(X, Y)))],
            (x, y) => [6 * (x - y), -6 * (x - y)]),
        ["EarlyReturn"] = (
            [new If(Lt(X, C(0)), Body(Ret(Neg(X))), null), Ret(Call("Sqrt", Add(X, Y)))],
            (x, y) => x < 0 ? [-1, 0] : [0.5 / Math.Sqrt(x + y), 0.5 / Math.Sqrt(x + y)]),
        // f = g(xy)·y with a local function g(u) = u sin u, declared after the return.
        ["LocalFunction"] = (
            [Ret(Mul(new UserCall(new MemberRef(string.Empty, "g"), new MemberRef(string.Empty, "gWithGradient"), null, EquatableArray.Of(Mul(X, Y)), EquatableArray.Of(true)), Y)),
                new LocalFunction("g", ValueKind.Double, EquatableArray.Of(new ParameterSpec("u", ValueKind.Double)), Body(Ret(Mul(Var("u"), Call("Sin", Var("u"))))), "gWithGradient", "gWithHessian")],
            (x, y) =>
            {
                var u = x * y;
                var derivative = Math.Sin(u) + (u * Math.Cos(u));
                return [derivative * y * y, (derivative * x * y) + (u * Math.Sin(u))];
            }),
        ["CallWithGradient"] = (
            [Let("c", new UserCall(Cube, CubeWithGradient, null, EquatableArray.Of(Mul(X, Y)), EquatableArray.Of(true))), Ret(Add(Var("c"), X))],
            (x, y) => [(3 * Math.Pow(x * y, 2) * y) + 1, 3 * Math.Pow(x * y, 2) * x]),
    };

    public static TheoryData<string> Names() => [.. Methods.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Differentiate_HandBuiltMethod_ValueExactAndPartialsMatchCentralDifferences(string name)
    {
        var (body, closed) = Methods[name];
        var method = Method(body);
        var derivative = Differentiator.Differentiate(method);
        var interpreter = new Interpreter(Calls);

        foreach (var (x, y) in new[] { (0.7, 1.3), (1.9, 0.4), (-0.6, 2.2), (0.35, 0.9) })
        {
            var arguments = new Dictionary<string, double> { ["x"] = x, ["y"] = y, ["n"] = 3 };
            var value = interpreter.Run(method.Body, arguments)[0];
            var program = interpreter.Run(derivative.Gradient, arguments);

            Assert.Equal(3, program.Length);
            Assert.True(BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(program[0]), $"{name}: value {program[0]:R}, method {value:R}");
            var numeric = new[] { Central(interpreter, method, arguments, "x"), Central(interpreter, method, arguments, "y") };
            for (var i = 0; i < 2; i++)
            {
                Assert.True(Close(program[1 + i], numeric[i], 1e-6), $"{name} ∂{i} at ({x}, {y}): program {program[1 + i]:R}, central difference {numeric[i]:R}");
                if (closed is not null)
                {
                    Assert.True(Close(program[1 + i], closed(x, y)[i], 1e-12), $"{name} ∂{i} at ({x}, {y}): program {program[1 + i]:R}, closed form {closed(x, y)[i]:R}");
                }
            }

            if (derivative.Formulas.Count > 0)
            {
                for (var i = 0; i < 2; i++)
                {
                    var formula = interpreter.Evaluate(derivative.Formulas[i], arguments);
                    Assert.True(Close(formula, program[1 + i], 1e-14), $"{name} formula ∂{i}: {formula:R}, program {program[1 + i]:R}");
                }
            }
        }
    }

    [Theory]
    [InlineData("StraightLine", true)]
    [InlineData("Branch", true)]
    [InlineData("ConditionalExpression", true)]
    [InlineData("ReassignedParameter", true)]
    [InlineData("ScaledSquare", true)]
    [InlineData("ForLoop", false)]
    [InlineData("EarlyReturn", false)]
    [InlineData("CallWithGradient", false)]
    public void Differentiate_Body_HasFormulasOnlyWhereItHasOneClosedForm(string name, bool hasFormulas)
    {
        var derivative = Differentiator.Differentiate(Method(Methods[name].Body));
        Assert.Equal(hasFormulas ? 2 : 0, derivative.Formulas.Count);
    }

    [Fact]
    public void Differentiate_ScaledSquare_IsTwoCTimesSTimesDs()
    {
        var derivative = Differentiator.Differentiate(Method(Methods["ScaledSquare"].Body));
        var returned = (ReturnTuple)derivative.Gradient.Statements[^1];

        // 3·s·s with s = x - y: ∂x = 6·s, ∂y = -6·s, s computed once.
        var s = Var("t1");
        Assert.Equal([Mul(Mul(C(3), s), s), Mul(C(6), s), Mul(C(-6), s)], returned.Values.ToArray());
    }

    [Fact]
    public void Differentiate_ThrowAndVoidCall_KeptAsTheyAreAndRunOnTheSameInputs()
    {
        // if (x < 0) throw …(x); Log(y * x); return x * y;
        var thrown = new Throw(new Verbatim(EquatableArray.Of("new global::System.ArgumentException(", ")"), EquatableArray.Of(X)));
        var logged = new VoidCall(new Verbatim(EquatableArray.Of("global::Lib.Log(", ")"), EquatableArray.Of(Mul(Y, X))));
        var method = Method([new If(Lt(X, C(0)), Body(thrown), null), logged, Ret(Mul(X, Y))]);
        var derivative = Differentiator.Differentiate(method);

        var body = new Interpreter();
        var program = new Interpreter();
        var arguments = new Dictionary<string, double> { ["x"] = 0.5, ["y"] = 3, ["n"] = 0 };
        Assert.Equal([1.5], body.Run(method.Body, arguments));
        Assert.Equal([1.5, 3, 0.5], program.Run(derivative.Gradient, arguments));
        Assert.Equal([1.5], Assert.Single(body.Calls).Holes);
        Assert.Equal([1.5], Assert.Single(program.Calls).Holes);

        arguments["x"] = -2;
        Assert.Equal([-2.0], Assert.Throws<ThrownByModel>(() => body.Run(method.Body, arguments)).Holes);
        Assert.Equal([-2.0], Assert.Throws<ThrownByModel>(() => program.Run(derivative.Gradient, arguments)).Holes);
    }

    [Fact]
    public void Differentiate_SameModelTwice_GivesEqualDerivativeModels()
    {
        var method = Method(Methods["ContinueWithTangentIncrementor"].Body);
        Assert.Equal(Differentiator.Differentiate(method), Differentiator.Differentiate(method));
    }

    internal static MethodSpec Method(Stmt[] body) => new(
        "Lib",
        EquatableArray.Of(new TypeSpec("class", "Ops", EquatableArray<string>.Empty, true)),
        "F",
        "public",
        EquatableArray.Of(new ParameterSpec("x", ValueKind.Double), new ParameterSpec("y", ValueKind.Double), new ParameterSpec("n", ValueKind.Int)),
        new Block(body.ToEquatableArray()),
        Vectorize: false);

    private static double[] Calls(MemberRef member, double[] arguments)
    {
        var u = arguments[0];
        return member == Cube ? [u * u * u] : member == CubeWithGradient ? [u * u * u, 3 * u * u] : throw new InvalidOperationException(member.Name);
    }

    private static double Central(Interpreter interpreter, MethodSpec method, Dictionary<string, double> arguments, string parameter)
    {
        const double h = 1e-6;
        var up = new Dictionary<string, double>(arguments) { [parameter] = arguments[parameter] + h };
        var down = new Dictionary<string, double>(arguments) { [parameter] = arguments[parameter] - h };
        return (interpreter.Run(method.Body, up)[0] - interpreter.Run(method.Body, down)[0]) / (2 * h);
    }

    private static bool Close(double a, double b, double tolerance) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(a) + Math.Abs(b));

    private static Variable Var(string name, ValueKind kind = ValueKind.Double) => new(name, kind);

    private static Constant Int(int value) => new(value, ValueKind.Int);

    private static Declare Let(string name, Expr value) => new(name, ValueKind.Double, value);

    private static Assign Set(string name, Expr value) => new(name, value);

    private static Assign Step(string name, BinaryOp op = BinaryOp.Add) =>
        new(name, new Binary(op, Var(name, ValueKind.Int), Int(1), ValueKind.Int), AssignmentForm.Step);

    private static Return Ret(Expr value) => new(value);

    private static Block Body(params Stmt[] statements) => new(statements.ToEquatableArray());
}
