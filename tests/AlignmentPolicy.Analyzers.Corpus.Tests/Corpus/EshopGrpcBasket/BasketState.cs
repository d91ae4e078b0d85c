namespace eShop.WebApp.Services;

public interface IBasketState
{
    Task<IReadOnlyCollection<BasketQuantity>> GetBasketItemsAsync();

    Task AddAsync(int productId);
}

public class BasketState(BasketService basketService) : IBasketState
{
    public Task<IReadOnlyCollection<BasketQuantity>> GetBasketItemsAsync() => basketService.GetBasketAsync();

    public async Task AddAsync(int productId)
    {
        var items = (await basketService.GetBasketAsync()).ToList();
        var existing = items.FindIndex(i => i.ProductId == productId);
        if (existing >= 0)
        {
            items[existing] = items[existing] with { Quantity = items[existing].Quantity + 1 };
        }
        else
        {
            items.Add(new BasketQuantity(productId, 1));
        }

        await basketService.UpdateBasketAsync(items);
    }
}
