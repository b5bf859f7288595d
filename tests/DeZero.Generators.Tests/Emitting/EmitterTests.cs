using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeZero.Generators.Emitting;
using DeZero.Generators.Model;
using DeZero.Generators.Tests.Infrastructure;
using Xunit;
using static DeZero.Generators.Model.Expressions;

namespace DeZero.Generators.Tests.Emitting;

// Inside the namespace, so it wins over DeZero.Variable of the runtime, which an enclosing namespace finds first.
using Variable = DeZero.Generators.Model.Variable;

/// <summary>
/// Layer 2, no Roslyn: the emitter prints derivative models built here by hand. The printer's rules one by one,
/// and whole files against snapshots, read when accepted.
/// </summary>
public sealed class EmitterTests : ISnapshotOwner
{
    private static readonly Expr X = new Variable("x", ValueKind.Double);
    private static readonly Expr Y = new Variable("y", ValueKind.Double);

    /// <summary>Hand-built derivative models; one snapshot each.</summary>
    private static readonly Dictionary<string, DerivativeSpec> Models = new()
    {
        // A keyword parameter, a nested generic type, a formula with characters XML must escape.
        ["KeywordsAndGenerics"] = new DerivativeSpec(
            Method("Lib.event", [new TypeSpec("class", "Outer", EquatableArray.Of("T"), false), new TypeSpec("struct", "Inner", EquatableArray<string>.Empty, false)], "Scale", [new("in", ValueKind.Double), new("n", ValueKind.Int)]),
            new Block(EquatableArray.Of<Stmt>(new ReturnTuple(EquatableArray.Of(Mul(new Variable("in", ValueKind.Double), C(2)), Choose(Gt(new Variable("in", ValueKind.Double), C(0)), C(2), C(2)))))),
            EquatableArray.Of(Choose(Gt(new Variable("in", ValueKind.Double), C(0)), C(2), C(2))),
            Hessian: new Block(EquatableArray.Of<Stmt>(new ReturnTuple(EquatableArray.Of(Mul(new Variable("in", ValueKind.Double), C(2)), C(2), C(0))))),
            // The backward as a graph: a condition on the input's data becomes a mask choosing between two leaves.
            Graph: new GraphSpec(
                Block.Empty,
                EquatableArray.Of(Choose(Gt(new Variable("in", ValueKind.Double), C(0)), C(2), C(-2))),
                EquatableArray.Of("in"),
                "inputs",
                "output",
                "gy",
                "gradients",
                "element")),
        // Compound assignments and ++ printed as written; a loop; a call through its gradient.
        ["LoopAndCall"] = new DerivativeSpec(
            Method("Lib", [new TypeSpec("class", "Ops", EquatableArray<string>.Empty, true)], "Sum", [new("x", ValueKind.Double), new("y", ValueKind.Double)]),
            new Block(EquatableArray.Of<Stmt>(
                new Declare("s", ValueKind.Double, C(0)),
                new Declare("ds_dx", ValueKind.Double, C(0)),
                new Loop(
                    new Block(EquatableArray.Of<Stmt>(new Declare("i", ValueKind.Int, new Constant(0, ValueKind.Int)))),
                    new Binary(BinaryOp.Less, new Variable("i", ValueKind.Int), new Constant(3, ValueKind.Int), ValueKind.Bool),
                    ConditionAtBottom: false,
                    new Block(EquatableArray.Of<Stmt>(
                        new Assign("ds_dx", Add(new Variable("ds_dx", ValueKind.Double), C(1)), AssignmentForm.Compound),
                        new Assign("s", Add(new Variable("s", ValueKind.Double), X), AssignmentForm.Compound))),
                    new Block(EquatableArray.Of<Stmt>(new Assign("i", new Binary(BinaryOp.Add, new Variable("i", ValueKind.Int), new Constant(1, ValueKind.Int), ValueKind.Int), AssignmentForm.Step)))),
                new CallWithGradient("t1", EquatableArray.Of(new OptionalName("t1_d1")), new UserCall(new MemberRef("global::Lib.Ops", "Cube"), new MemberRef("global::Lib.Ops", "CubeWithGradient"), null, EquatableArray.Of(Y), EquatableArray.Of(true))),
                new ReturnTuple(EquatableArray.Of(Add(new Variable("s", ValueKind.Double), new Variable("t1", ValueKind.Double)), new Variable("ds_dx", ValueKind.Double), new Variable("t1_d1", ValueKind.Double))))),
            EquatableArray<Expr>.Empty,
            NoHessian: "it calls Lib.Ops.Cube, whose derivative is supplied with [DerivativeOf] (first derivatives only)"),
    };

    public static TheoryData<string> Names() => [.. Models.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Emit_HandBuiltModel_MatchesSnapshot(string name)
    {
        var derivative = Models[name];
        Snapshot.Verify(MethodEmitter.Emit(derivative), derivative.Method.HintName, parameters: name);
    }

    public static IEnumerable<string> ExpectedSnapshotFiles() =>
        Models.Select(m => Path.GetFileName(Snapshot.PathFor(ThisFile(), nameof(EmitterTests), nameof(Emit_HandBuiltModel_MatchesSnapshot), m.Value.Method.HintName, m.Key)));

    [Theory]
    [InlineData("x - (y - x)")]
    [InlineData("x / (y * x)")]
    [InlineData("-(-x)")]
    [InlineData("x - -1.0")]
    public void Print_RightOperandOfEqualPrecedence_KeepsItsParentheses(string expected)
    {
        Expr expr = expected switch
        {
            "x - (y - x)" => Sub(X, Sub(Y, X)),
            "x / (y * x)" => Div(X, Mul(Y, X)),
            "-(-x)" => Neg(Neg(X)),
            _ => Sub(X, C(-1)),
        };
        Assert.Equal(expected, CSharpPrinter.Formula.Print(expr));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "1E+20")]
    [InlineData(double.NaN, "double.NaN")]
    [InlineData(double.NegativeInfinity, "double.NegativeInfinity")]
    [InlineData(-0.0, "-0.0")]
    public void Number_AnyDouble_PrintsRoundTripWithAPoint(double value, string expected)
    {
        Assert.Equal(expected, CSharpPrinter.Number(value));
    }

    [Fact]
    public void Identifier_EveryReservedKeyword_GetsItsAt()
    {
        foreach (var kind in Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetReservedKeywordKinds())
        {
            var keyword = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetText(kind);
            Assert.Equal("@" + keyword, CSharpPrinter.Identifier(keyword));
        }

        Assert.Equal("value", CSharpPrinter.Identifier("value"));
        Assert.Equal("field", CSharpPrinter.Identifier("field")); // contextual: fine as a local or parameter name
    }

    [Theory]
    [InlineData(true, "s", "s += y;")]
    [InlineData(true, "t", "s = t + y;")] // reads another variable: not s += …
    [InlineData(false, "s", "s = s + y;")]
    public void Write_Assignment_IsCompoundOnlyWhereWrittenSoAndItStillHasTheShape(bool compound, string left, string expected)
    {
        var writer = new SourceWriter();
        var form = compound ? AssignmentForm.Compound : AssignmentForm.Simple;
        CSharpPrinter.Code.Write(writer, new Assign("s", Add(new Variable(left, ValueKind.Double), Y), form));
        Assert.Equal(expected + "\n", writer.ToString());
    }

    [Fact]
    public void Write_StepOnInt_PrintsPlusPlusAndMinusMinus()
    {
        var i = new Variable("i", ValueKind.Int);
        var writer = new SourceWriter();
        CSharpPrinter.Code.Write(writer, new Assign("i", new Binary(BinaryOp.Add, i, new Constant(1, ValueKind.Int), ValueKind.Int), AssignmentForm.Step));
        CSharpPrinter.Code.Write(writer, new Assign("i", new Binary(BinaryOp.Subtract, i, new Constant(1, ValueKind.Int), ValueKind.Int), AssignmentForm.Step));
        Assert.Equal("i++;\ni--;\n", writer.ToString());
    }

    [Fact]
    public void Write_ThrowAndVoidCall_PrintCarriedTextWithHolesAsTheCodePrinterNamesThem()
    {
        var keyword = new Variable("in", ValueKind.Double);
        var writer = new SourceWriter();
        CSharpPrinter.Code.Write(writer, new Throw(new Verbatim(
            EquatableArray.Of("new global::System.ArgumentOutOfRangeException(\"in\", ", ", $\"{", ":F2}\")"),
            EquatableArray.Of<Expr>(keyword, Mul(keyword, C(2))))));
        CSharpPrinter.Code.Write(writer, new VoidCall(new Verbatim(
            EquatableArray.Of("global::System.Console.WriteLine(", ")"),
            EquatableArray.Of(Call("Sqrt", keyword)))));
        CSharpPrinter.Code.Write(writer, new VoidCall(new Verbatim(EquatableArray.Of("global::Lib.Log.Flush()"), EquatableArray<Expr>.Empty)));
        Assert.Equal(
            "throw new global::System.ArgumentOutOfRangeException(\"in\", @in, $\"{@in * 2.0:F2}\");\n"
            + "global::System.Console.WriteLine(global::System.Math.Sqrt(@in));\n"
            + "global::Lib.Log.Flush();\n",
            writer.ToString());
    }

    [Fact]
    public void SourceWriter_BlockLeftOpen_Throws()
    {
        var writer = new SourceWriter();
        writer.OpenBlock("class C");
        Assert.Throws<InvalidOperationException>(() => writer.ToString());
        writer.CloseBlock();
        Assert.Equal("class C\n{\n}\n", writer.ToString());
        Assert.Throws<InvalidOperationException>(() => writer.CloseBlock());
    }

    private static MethodSpec Method(string? ns, TypeSpec[] types, string name, ParameterSpec[] parameters) =>
        new(ns, types.ToEquatableArray(), name, "public", parameters.ToEquatableArray(), Block.Empty, Vectorize: false);

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
