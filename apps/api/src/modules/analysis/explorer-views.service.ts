import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExplorerSavedViewDto } from '@provdash/shared/contracts';
import type { DataSource } from 'typeorm';
import { forbidden, notFound } from '../../common/api-error';
import type { ActorClaims } from '../access/actor';
import type { SaveExplorerViewDto } from './dto/explorer.dto';
import { ExplorerService } from './explorer.service';
import { ExplorerView } from './explorer-view.entity';

/** The ministry's shared list of saved explorer views. Saved and removed through the entity manager, so the audit trail records both. */
@Injectable()
export class ExplorerViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly explorer: ExplorerService,
  ) {}

  async list(actor: ActorClaims): Promise<ExplorerSavedViewDto[]> {
    const rows: {
      id: string;
      name: string;
      query: ExplorerSavedViewDto['query'];
      owner_id: string;
      owner_name: string | null;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT v.id, v.name, v.query, v.owner_id, u.display_name AS owner_name, v.created_at
         FROM explorer_view v JOIN app_user u ON u.id = v.owner_id
         ORDER BY v.created_at DESC, v.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      query: r.query,
      ownerName: r.owner_name,
      mine: r.owner_id === actor.sub,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  /** The query is normalised (and refused) exactly as the explorer would answer it. */
  async save(actor: ActorClaims, dto: SaveExplorerViewDto): Promise<ExplorerSavedViewDto> {
    const query = this.explorer.normalise(dto.query);
    const saved = await this.dataSource.manager.save(
      this.dataSource.manager.create(ExplorerView, { ownerId: actor.sub, name: dto.name.trim(), query }),
    );
    const [view] = (await this.list(actor)).filter((v) => v.id === saved.id);
    return view;
  }

  /** Only the person who saved a view, or an admin, removes it. */
  async remove(actor: ActorClaims, id: string): Promise<void> {
    const view = await this.dataSource.manager.findOneBy(ExplorerView, { id });
    if (!view) throw notFound();
    if (view.ownerId !== actor.sub && actor.role !== 'admin') throw forbidden();
    await this.dataSource.manager.remove(view);
  }
}
