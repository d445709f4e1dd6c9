package io.throughline.catalog;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** The category tree. */
public interface Categories {

    Category create(NewCategory category);

    Category get(UUID id);

    /** The category at a path of slugs, e.g. {@code wines/tokaji/aszu}. */
    Optional<Category> findByPath(String path);

    /**
     * The category at a slash-separated path of names ("Wines/Tokaji/Aszú"), creating the categories of the path
     * that do not exist yet.
     */
    Category ensurePath(String namePath);

    /** All categories in path order, so that a page reads as an indented tree. */
    Page<Category> list(PageRequest page);
}
