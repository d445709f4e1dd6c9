package io.throughline.pricing;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.List;
import java.util.UUID;

/** Price lists and their prices. */
public interface PriceLists {

    PriceList create(NewPriceList list);

    PriceList get(UUID id);

    Page<PriceList> list(PageRequest page);

    /** Sets the prices of these SKUs on the list (adding or replacing), all or none. */
    PriceList setPrices(UUID listId, List<NewPrice> prices);

    Page<PriceEntry> prices(UUID listId, PageRequest page);
}
