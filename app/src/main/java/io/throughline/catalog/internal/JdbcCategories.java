package io.throughline.catalog.internal;

import io.throughline.catalog.Categories;
import io.throughline.catalog.Category;
import io.throughline.catalog.NewCategory;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcCategories implements Categories {

    static final String COLUMNS = "c.id, c.parent_id, c.slug, c.name, c.path, c.ancestor_ids, c.created_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcCategories(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Category create(NewCategory category) {
        String slug = category.slug() != null ? category.slug() : Slugs.of(category.name());
        if (slug.isEmpty()) {
            throw new InvalidRequestException("slug", "cannot be derived from the name; give one");
        }
        Category parent = null;
        if (category.parentId() != null) {
            parent = find(category.parentId())
                    .orElseThrow(() -> new InvalidRequestException("parentId", "is not an existing category"));
        }
        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        String path = parent == null ? slug : parent.path() + "/" + slug;
        UUID[] ancestors = Stream.concat(parent == null ? Stream.<UUID>empty() : ancestorIds(parent.id()).stream(),
                Stream.of(id)).toArray(UUID[]::new);
        try {
            jdbc.sql("""
                    INSERT INTO catalog.category (id, parent_id, slug, name, path, ancestor_ids, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, category.parentId(), slug, category.name().strip(), path, ancestors,
                            Rows.timestamp(now))
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("slug", "A category with the path " + path + " already exists");
        }
        events.publishEvent(new CategoryCreated(id, path, now));
        return get(id);
    }

    @Override
    @Transactional
    public Category ensurePath(String namePath) {
        Category current = null;
        for (String name : namePath.split("/")) {
            if (name.isBlank()) {
                continue;
            }
            String path = current == null ? Slugs.of(name) : current.path() + "/" + Slugs.of(name);
            Optional<Category> existing = findByPath(path);
            current = existing.isPresent() ? existing.get()
                    : create(new NewCategory(name.strip(), null, current == null ? null : current.id()));
        }
        if (current == null) {
            throw new InvalidRequestException("path", "must name at least one category");
        }
        return current;
    }

    @Override
    public Category get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Category", id));
    }

    private Optional<Category> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.category c WHERE c.id = ?").param(id)
                .query(JdbcCategories::category).optional();
    }

    private List<UUID> ancestorIds(UUID id) {
        return jdbc.sql("SELECT unnest(ancestor_ids) FROM catalog.category WHERE id = ?").param(id)
                .query(UUID.class).list();
    }

    @Override
    public Optional<Category> findByPath(String path) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.category c WHERE c.path = ?").param(path)
                .query(JdbcCategories::category).optional();
    }

    @Override
    public Page<Category> list(PageRequest page) {
        return new PagedQuery(COLUMNS, "FROM catalog.category c", "c.path").read(jdbc, page, JdbcCategories::category);
    }

    static Category category(ResultSet rs, int row) throws SQLException {
        Array ancestors = rs.getArray("ancestor_ids");
        int depth = ((Object[]) ancestors.getArray()).length - 1;
        return new Category(Rows.uuid(rs, "id"), Rows.uuidOrNull(rs, "parent_id"),
                rs.getString("slug"), rs.getString("name"), rs.getString("path"), depth,
                Rows.instant(rs, "created_at"));
    }

    static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }
}
