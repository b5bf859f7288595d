using System.Collections.Generic;
using System.Linq;

namespace DeZero.Generators.Model;

/// <summary>
/// The walk over nested statements that every pass shares: the blocks directly inside a statement, the statement with
/// them rewritten, and every statement below one. A local function's body is a scope of its own and is not entered.
/// </summary>
internal static class Nesting
{
    /// <summary>The blocks directly inside <paramref name="statement"/>: a block is its own, an if has its branches, a loop its parts.</summary>
    public static IEnumerable<Block> BlocksOf(Stmt statement) => statement switch
    {
        Block block => [block],
        If { Else: { } otherwise } conditional => [conditional.Then, otherwise],
        If conditional => [conditional.Then],
        Loop loop => [loop.Before, loop.Body, loop.Next],
        CountedLoop counted => [counted.Body],
        _ => [],
    };

    /// <summary><paramref name="statement"/> with each block directly inside it rewritten by <paramref name="map"/>.</summary>
    public static Stmt WithBlocks(Stmt statement, System.Func<Block, Block> map) => statement switch
    {
        Block block => map(block),
        If conditional => new If(conditional.Condition, map(conditional.Then), conditional.Else is { } otherwise ? map(otherwise) : null),
        Loop loop => loop with { Before = map(loop.Before), Body = map(loop.Body), Next = map(loop.Next) },
        CountedLoop counted => counted with { Body = map(counted.Body) },
        _ => statement,
    };

    /// <summary><paramref name="statement"/> and every statement nested in it, each before the statements inside it.</summary>
    public static IEnumerable<Stmt> All(Stmt statement) =>
        BlocksOf(statement).SelectMany(block => block.Statements).SelectMany(All).Prepend(statement);
}
