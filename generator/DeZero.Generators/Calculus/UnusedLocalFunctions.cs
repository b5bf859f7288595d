using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Drops from a derivative program the local functions it never calls: where every call became a call of the value and
/// gradient, the function as written is left unused, and C# warns about an unused local function (CS8321), as it does of a
/// value-and-gradient function whose results are never differentiated.
/// </summary>
internal static class UnusedLocalFunctions
{
    public static Block Drop(Block program)
    {
        while (true)
        {
            var called = new HashSet<string>();
            Calls(program, null, called);
            var pruned = Drop(program, called, out var dropped);
            if (!dropped)
            {
                return program;
            }

            program = pruned;
        }
    }

    private static Block Drop(Block block, HashSet<string> called, out bool dropped)
    {
        var any = false;
        var statements = new List<Stmt>();
        foreach (var statement in block.Statements)
        {
            switch (statement)
            {
                case LocalFunction local when !called.Contains(local.Name):
                case LocalGradient gradient when !called.Contains(gradient.Name):
                    any = true;
                    break;
                default:
                    statements.Add(Map(statement, b =>
                    {
                        var inner = Drop(b, called, out var innerDropped);
                        any |= innerDropped;
                        return inner;
                    }));
                    break;
            }
        }

        dropped = any;
        return any ? new Block(statements.ToEquatableArray()) : block;
    }

    /// <summary>The statement with each block inside it rewritten.</summary>
    private static Stmt Map(Stmt statement, System.Func<Block, Block> map) => statement switch
    {
        LocalFunction local => local with { Body = map(local.Body) },
        LocalGradient local => local with { Body = map(local.Body) },
        _ => Nesting.WithBlocks(statement, map),
    };

    /// <summary>The local functions called anywhere in <paramref name="statement"/>, but from inside their own body.</summary>
    private static void Calls(Stmt statement, string? inside, HashSet<string> called)
    {
        void Read(Expr expr) => Rewriter.Map(expr, e =>
        {
            if (e is UserCall { Function.Type.Length: 0 } call)
            {
                Add(call.Function.Name);
            }

            return e;
        });

        void Add(string name)
        {
            if (name != inside)
            {
                called.Add(name);
            }
        }

        switch (statement)
        {
            case Declare { Value: { } value }: Read(value); break;
            case Assign assign: Read(assign.Value); break;
            case Return ret: Read(ret.Value); break;
            case ReturnTuple tuple: foreach (var value in tuple.Values) { Read(value); } break;
            case CallWithGradient call:
                if (call.Call.Gradient is { Type.Length: 0 } gradient)
                {
                    Add(gradient.Name);
                }

                foreach (var argument in call.Call.Arguments)
                {
                    Read(argument);
                }

                break;
            case If conditional:
                Read(conditional.Condition);
                Calls(conditional.Then, inside, called);
                if (conditional.Else is { } otherwise)
                {
                    Calls(otherwise, inside, called);
                }

                break;
            case Loop loop:
                if (loop.Condition is { } condition)
                {
                    Read(condition);
                }

                Calls(loop.Before, inside, called);
                Calls(loop.Body, inside, called);
                Calls(loop.Next, inside, called);
                break;
            case Block block: foreach (var inner in block.Statements) { Calls(inner, inside, called); } break;
            case Throw thrown: foreach (var hole in thrown.Exception.Holes) { Read(hole); } break;
            case VoidCall call: foreach (var hole in call.Call.Holes) { Read(hole); } break;
            case LocalFunction local: Calls(local.Body, local.Name, called); break;
            case LocalGradient local: Calls(local.Body, local.Name, called); break;
        }
    }
}
