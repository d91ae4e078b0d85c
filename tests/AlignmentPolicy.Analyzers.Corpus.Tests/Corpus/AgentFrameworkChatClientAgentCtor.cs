// ChatClientAgent constructed directly; a tool that writes to the orders database through ADO.NET.
using System.Data.Common;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Contoso.Orders.Agent;

public sealed class OrderDeskAgent
{
    private readonly ChatClientAgent _agent;
    private readonly OrderRepository _orders;

    public OrderDeskAgent(IChatClient chatClient, DbConnection connection)
    {
        _orders = new OrderRepository(connection);
        _agent = new ChatClientAgent( // expect: ALN0005
            chatClient,
            instructions: "You help customers change their orders.",
            name: "order-desk",
            tools:
            [
                AIFunctionFactory.Create(_orders.GetStatus),
                AIFunctionFactory.Create(_orders.ChangeShippingAddress), // expect: ALN0002
            ]);
    }

    public async Task StreamAsync(string message)
    {
        await foreach (var update in _agent.RunStreamingAsync(message)) // expect-info: ALN0001
        {
            Console.Write(update.Text);
        }
    }
}

public sealed class OrderRepository(DbConnection connection)
{
    public string GetStatus(int orderId) => $"Order {orderId}: shipped";

    public int ChangeShippingAddress(int orderId, string address)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Orders SET Address = @a WHERE Id = @id";
        AddParameter(command, "@a", address);
        AddParameter(command, "@id", orderId);
        return command.ExecuteNonQuery();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
