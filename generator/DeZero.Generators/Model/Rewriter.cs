using System;
using System.Linq;

namespace DeZero.Generators.Model;

/// <summary>Rebuilds expressions and statements bottom-up with a function applied to every expression.</summary>
internal static class Rewriter
{
    public static Expr Map(Expr expr, Func<Expr, Expr> map) => map(expr switch
    {
        Unary u => u with { Operand = Map(u.Operand, map) },
        Binary b => b with { Left = Map(b.Left, map), Right = Map(b.Right, map) },
        Convert c => c with { Operand = Map(c.Operand, map) },
        Conditional c => c with { Condition = Map(c.Condition, map), WhenTrue = Map(c.WhenTrue, map), WhenFalse = Map(c.WhenFalse, map) },
        MathCall m => m with { Arguments = m.Arguments.Select(a => Map(a, map)).ToEquatableArray() },
        UserCall call => call with { Arguments = call.Arguments.Select(a => Map(a, map)).ToEquatableArray() },
        ElementRead e => e with { Sequence = Map(e.Sequence, map), Index = Map(e.Index, map) },
        Length l => l with { Sequence = Map(l.Sequence, map) },
        Slice s => s with { Sequence = Map(s.Sequence, map), Start = Map(s.Start, map), Count = Map(s.Count, map) },
        NewArray n => n with { Count = Map(n.Count, map) },
        TapeArray t => t with { Count = Map(t.Count, map) },
        SweepForwardCall f => f with { Call = (UserCall)Map(f.Call, map) },
        _ => expr,
    });

    public static Block Map(Block block, Func<Expr, Expr> map) =>
        new(block.Statements.Select(s => Map(s, map)).ToEquatableArray());

    public static Stmt Map(Stmt statement, Func<Expr, Expr> map) => statement switch
    {
        Declare declare => declare with { Value = declare.Value is null ? null : Map(declare.Value, map) },
        Assign assign => assign with { Value = Map(assign.Value, map) },
        ElementAssign element => element with { Index = Map(element.Index, map), Value = Map(element.Value, map) },
        If conditional => new If(Map(conditional.Condition, map), Map(conditional.Then, map), conditional.Else is null ? null : Map(conditional.Else, map)),
        Loop loop => new Loop(Map(loop.Before, map), loop.Condition is null ? null : Map(loop.Condition, map), loop.ConditionAtBottom, Map(loop.Body, map), Map(loop.Next, map)),
        Return ret => new Return(Map(ret.Value, map)),
        ReturnTuple tuple => new ReturnTuple(tuple.Values.Select(v => Map(v, map)).ToEquatableArray()),
        CallWithGradient call => call with { Call = (UserCall)Map(call.Call, map) },
        TapePush push => push with { Value = Map(push.Value, map) },
        SweepReverseCall call => call with { Call = (UserCall)Map(call.Call, map), Seed = Map(call.Seed, map), Adjoints = call.Adjoints.Select(a => Map(a, map)).ToEquatableArray() },
        Block block => Map(block, map),
        Throw thrown => new Throw(Map(thrown.Exception, map)),
        LocalFunction local => local with { Body = Map(local.Body, map) },
        LocalGradient local => local with { Body = Map(local.Body, map) },
        VoidCall call => new VoidCall(Map(call.Call, map)),
        _ => statement,
    };

    private static Verbatim Map(Verbatim code, Func<Expr, Expr> map) =>
        code with { Holes = code.Holes.Select(h => Map(h, map)).ToEquatableArray() };
}
