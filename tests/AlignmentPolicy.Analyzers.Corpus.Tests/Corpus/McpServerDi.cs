// An MCP server tool type with a constructor-injected repository.
using System.ComponentModel;
using System.Data.Common;
using ModelContextProtocol.Server;

namespace Contoso.Mcp.Crm;

public sealed class CustomerRepository(DbConnection connection)
{
    public string Find(string email) => $"{email}: customer since 2019";

    public int MarkDoNotContact(string email)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Customers SET DoNotContact = 1 WHERE Email = @e";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@e";
        parameter.Value = email;
        command.Parameters.Add(parameter);
        return command.ExecuteNonQuery();
    }
}

[McpServerToolType]
public sealed class CrmTools(CustomerRepository customers)
{
    [McpServerTool, Description("Finds a customer by email.")]
    public string FindCustomer(string email) => customers.Find(email);

    [McpServerTool, Description("Stops all marketing to a customer.")]
    public string OptOut(string email) => customers.MarkDoNotContact(email) > 0 ? "done" : "not found"; // expect: ALN0002
}
